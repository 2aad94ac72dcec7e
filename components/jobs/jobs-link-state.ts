import type { JobsLink } from '@/lib/jobs/href';

/** The explorer's URL as a JobsLink, read leniently (the API reports what is wrong with a value). */
export function linkFromSearch(sp: URLSearchParams): JobsLink {
  const list = (k: string) => {
    const v = sp.get(k);
    return v === null ? undefined : v.split(',').filter(Boolean);
  };
  const type = sp.get('type');
  const node = sp.get('node');
  const limit = sp.get('limit');
  return {
    type: type === null ? undefined : type.toLowerCase() === 'all' ? [] : type.split(',').filter(Boolean),
    status: list('status'),
    node: node !== null && /^\d+$/.test(node) ? Number(node) : undefined,
    from: sp.get('from') ?? undefined,
    to: sp.get('to') ?? undefined,
    q: sp.get('q') ?? undefined,
    scheduled: sp.get('scheduled') === '1' || sp.get('scheduled') === 'true',
    retried: sp.get('retried') === '1' || sp.get('retried') === 'true',
    sort: sp.get('sort') ?? undefined,
    limit: limit !== null && /^\d{1,3}$/.test(limit) ? Number(limit) : undefined,
    cursor: sp.get('cursor') ?? undefined,
  };
}
