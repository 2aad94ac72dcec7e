/**
 * The one fetcher behind every SWR hook. A non-2xx answer becomes a FetchError carrying the API's
 * `{error: {code, message}}` (lib/errors.ts), so the UI can say what failed instead of "Error".
 */
export class FetchError extends Error {
  constructor(
    /** HTTP status; 0 when the dashboard did not answer at all (network, server down). */
    readonly status: number,
    /** The API's error code (`unknown_cluster`, `node_unavailable`, …), or `network` / `http_<status>`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

function isErrorBody(x: unknown): x is { error: { code: string; message: string } } {
  if (typeof x !== 'object' || x === null || !('error' in x)) return false;
  const e = (x as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

export async function fetcher<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch (err) {
    throw new FetchError(0, 'network', `the dashboard did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    if (isErrorBody(body)) throw new FetchError(res.status, body.error.code, body.error.message);
    throw new FetchError(res.status, `http_${res.status}`, `HTTP ${res.status} ${res.statusText}`.trim());
  }
  return (await res.json()) as T;
}
