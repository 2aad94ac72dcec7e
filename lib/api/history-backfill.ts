import { backfillStatus } from '../history/backfill-status';
import { historySource } from '../history/store-holder';
import { resolveCluster } from './clusters';
import type { BackfillStatus } from './types/history';

/** `GET /api/v1/clusters/{c}/history/backfill`: the day-one backfill's progress (lib/history/ts-backfill.ts). */
export async function backfillStatusForRequest(clusterId: string): Promise<BackfillStatus> {
  const cluster = await resolveCluster(clusterId);
  const s = backfillStatus(cluster.id);
  // Said even before start-up has marked it: history read from Prometheus is never backfilled here.
  if (s.state === 'idle' && historySource() === 'prometheus') return { ...s, state: 'off', note: 'history is read from Prometheus (HISTORY_BACKEND=prometheus): the backfill from /ts/query is off' };
  return s;
}
