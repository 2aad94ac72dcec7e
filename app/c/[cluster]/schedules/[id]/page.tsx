import { notFound } from 'next/navigation';
import { ScheduleDetailView } from '@/components/schedules/schedule-detail';
import { clusterSkewMs } from '@/lib/api/cluster-clock';
import { scheduleForRequest } from '@/lib/api/schedules';
import { getCluster } from '@/lib/clusters';
import { ApiError } from '@/lib/errors';
import { controlOffered } from '@/lib/api/session';
import { JOB_ID } from '@/lib/jobs/href';
import type { ScheduleDetail } from '@/lib/api/types/schedules';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string; id: string }> }) {
  const { id } = await params;
  return { title: `Schedule ${id.slice(0, 19)} · backup monitor` };
}

function requestTime(): number {
  return Date.now();
}

/**
 * One schedule. Read on the server first so an unknown id is a real 404 (and the first paint has
 * data); when SQL is down the page still renders and the client says why, retrying on refresh.
 */
export default async function SchedulePage({ params }: { params: Promise<{ cluster: string; id: string }> }) {
  const { cluster: clusterId, id } = await params;
  const cluster = await getCluster(clusterId);
  // Schedule ids are INT8 like job ids: 1–19 digits; anything else cannot name one.
  if (!cluster || !JOB_ID.test(id)) notFound();
  let initial: ScheduleDetail | undefined;
  let missing = false;
  try {
    initial = await scheduleForRequest(cluster.id, id);
  } catch (err) {
    missing = err instanceof ApiError && (err.code === 'not_found' || err.code === 'bad_request');
  }
  if (missing) notFound();
  return (
    <ScheduleDetailView cluster={{ id: cluster.id, name: cluster.name }} id={id} renderedAt={requestTime()} clusterSkewMs={clusterSkewMs(cluster.id)} control={await controlOffered()} fallbackData={initial} />
  );
}
