/**
 * Schedules and backups URLs (pages and API), printed in one place so a card link, a chart point
 * and a pasted link agree. Ids are INT8 strings; collections are the redacted URIs the API names.
 */
const enc = encodeURIComponent;

export type ScheduleAction = 'pause' | 'resume';

export interface BackupChoice {
  collection?: string;
  backup?: string;
}

function choiceQuery(c: BackupChoice = {}): string {
  const p = new URLSearchParams();
  if (c.collection) p.set('collection', c.collection);
  if (c.collection && c.backup) p.set('backup', c.backup);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const schedulesHref = (cluster: string) => `/c/${enc(cluster)}/schedules`;
export const scheduleHref = (cluster: string, id: string) => `/c/${enc(cluster)}/schedules/${enc(id)}`;
export const backupsHref = (cluster: string, choice?: BackupChoice) => `/c/${enc(cluster)}/backups${choiceQuery(choice)}`;

export const schedulesApiHref = (cluster: string) => `/api/v1/clusters/${enc(cluster)}/schedules`;
export const scheduleApiHref = (cluster: string, id: string, action?: ScheduleAction) =>
  `/api/v1/clusters/${enc(cluster)}/schedules/${enc(id)}${action ? `/${action}` : ''}`;
export const backupsApiHref = (cluster: string, choice?: BackupChoice) => `/api/v1/clusters/${enc(cluster)}/backups${choiceQuery(choice)}`;
export const validateApiHref = (cluster: string, collection: string, backup: string) =>
  `/api/v1/clusters/${enc(cluster)}/backups/validate${choiceQuery({ collection, backup })}`;

/** "s3://bucket/path?AUTH=…" → "s3://bucket/path": the part a job description also contains, for the jobs explorer's text search. */
export function collectionPath(collection: string): string {
  const q = collection.indexOf('?');
  return q === -1 ? collection : collection.slice(0, q);
}
