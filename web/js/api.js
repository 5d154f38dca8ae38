/** @file The /v1 API: JSON fetches, errors as exceptions, and a cache for data that only changes with the index. */

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET a /v1 path with parameters; an AbortSignal cancels a superseded request. */
export async function getJson(path, params = {}, signal = undefined) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error?.message || response.statusText);
  return body;
}

const cache = new Map();

/** The same GET, fetched once per page load (pillars, guide list, Decision Guide). */
export function cached(path) {
  if (!cache.has(path)) {
    const pending = getJson(path);
    pending.catch(() => cache.delete(path));  // let a later view retry after a failure
    cache.set(path, pending);
  }
  return cache.get(path);
}

export const pillarsById = async () => {
  const { pillars } = await cached('/v1/pillars');
  return new Map(pillars.map((p) => [p.id, p]));
};
