/** Pure formatting for the quick pick and for pattern documents. No VS Code imports, so it is unit-testable. */
import type { Pattern, SearchHit, SearchResult, SuggestResult } from './api';

/** What choosing an item does: open a pattern (at a line), or search for a completed or corrected query. */
export type PickAction =
  | { kind: 'open'; id: string; line: number; path?: string; section?: string }
  | { kind: 'query'; query: string }
  | { kind: 'separator' };

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  action: PickAction;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** A snippet as plain text: <mark> dropped, entities decoded, whitespace collapsed. */
export function plainSnippet(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&(?:lt|gt|quot|amp|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** One result: title, then pillar, status and the best section, then the snippet. */
export function hitItem(hit: SearchHit): PickItem {
  return {
    label: hit.title,
    description: `${hit.pillar} · ${hit.status} · ${hit.section_title}`,
    detail: plainSnippet(hit.snippet),
    action: { kind: 'open', id: hit.id, line: hit.line, path: hit.path, section: hit.section_title },
  };
}

/** Everything the quick pick shows for one query: a spelling correction, completions, then ranked results. */
export function pickItems(suggest: SuggestResult, result: SearchResult): PickItem[] {
  const items: PickItem[] = [];
  if (result.did_you_mean) {
    items.push({ label: `$(lightbulb) Did you mean: ${result.did_you_mean}`, action: { kind: 'query', query: result.did_you_mean } });
  }
  const shown = new Set(result.hits.map((hit) => hit.id));
  for (const suggestion of suggest.suggestions) {
    if (suggestion.kind === 'title' && suggestion.id && !shown.has(suggestion.id)) {
      items.push({ label: `$(book) ${suggestion.text}`, description: 'pattern', action: { kind: 'open', id: suggestion.id, line: 1 } });
    } else if (suggestion.kind === 'term' && suggestion.text !== result.query) {
      items.push({ label: `$(search) ${suggestion.text}`, description: 'search', action: { kind: 'query', query: suggestion.text } });
    }
  }
  const count = result.total === 1 ? '1 pattern' : `${result.total} patterns`;
  items.push({ label: count, action: { kind: 'separator' } });
  return items.concat(result.hits.map(hitItem));
}

/**
 * The anchor VS Code's Markdown preview gives a heading (its GitHub-style slug), so a preview opened with it as
 * the URI fragment starts at that heading: "When NOT to Use It" -> "when-not-to-use-it".
 */
export function headingSlug(heading: string): string {
  return encodeURI(
    heading
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(/[\][!/'"#$%&()*+,./:;<=>?@\\^{|}~`]/g, '')
      .replace(/^-+|-+$/g, ''),
  );
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/**
 * The pattern as one Markdown document with every section at the line it has in its corpus file, so the line
 * numbers of search hits apply unchanged; the front matter's lines hold a short heading instead (its symptoms too,
 * as far as the lines reach).
 */
export function patternDocument(pattern: Pattern): string {
  const header = [`# ${oneLine(pattern.title)}`, '', oneLine(pattern.description), '', `*${pattern.pillar} · ${pattern.status}*`];
  if (pattern.symptoms?.length) header.push('', 'Sounds like your problem?', ...pattern.symptoms.map((s) => `- ${oneLine(s)}`));
  const first = pattern.sections[0]?.line ?? header.length + 2;
  const lines: string[] = [];
  for (let i = 0; i < first - 1; i++) lines.push(header[i] ?? '');
  for (const section of pattern.sections) {
    while (lines.length < section.line - 1) lines.push('');
    lines.push(...section.markdown.replace(/\n+$/, '').split('\n'));
  }
  return lines.join('\n') + '\n';
}
