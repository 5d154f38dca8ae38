/** A small client for pattern-searchd's /v1 API. No VS Code imports, so node's test runner can drive it. */
import type { Pattern, SearchResult, SuggestResult } from './api';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:7171';

/** The daemon did not answer at all: the message says how to start it and where to point the extension. */
export class DaemonUnavailableError extends Error {
  constructor(readonly serverUrl: string, cause: string) {
    super(
      `pattern-searchd is not answering at ${serverUrl} (${cause}). Start it from the patterns repository with ` +
        'scripts/serve (or build/bin/pattern-searchd --index var/index --listen 127.0.0.1:7171), or set ' +
        '"patternSearch.serverUrl" to where it runs.',
    );
    this.name = 'DaemonUnavailableError';
  }
}

/** The daemon answered with an error (a bad query, an unknown pattern): its status and message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export class PatternClient {
  readonly serverUrl: string;

  constructor(serverUrl: string = DEFAULT_SERVER_URL, private readonly timeoutMs = 5000) {
    this.serverUrl = serverUrl.replace(/\/+$/, '');
  }

  search(query: string, limit = 20): Promise<SearchResult> {
    return this.get<SearchResult>(`/v1/search?q=${encodeURIComponent(query)}&limit=${limit}`);
  }

  suggest(query: string, limit = 5): Promise<SuggestResult> {
    return this.get<SuggestResult>(`/v1/suggest?q=${encodeURIComponent(query)}&limit=${limit}`);
  }

  pattern(id: string): Promise<Pattern> {
    return this.get<Pattern>(`/v1/patterns/${encodeURIComponent(id)}`);
  }

  private async get<T>(target: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.serverUrl + target, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new DaemonUnavailableError(this.serverUrl, cause);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, `${this.serverUrl} did not answer with JSON (status ${response.status}); is it pattern-searchd?`);
    }
    if (!response.ok) {
      const message = (body as { error?: { message?: string } }).error?.message ?? text;
      throw new ApiError(response.status, message);
    }
    return body as T;
  }
}
