import { notFound } from 'next/navigation';
import { JobDetailView } from '@/components/jobs/job-detail';
import { clusterSkewMs } from '@/lib/api/cluster-clock';
import { getCluster } from '@/lib/clusters';
import { controlOffered } from '@/lib/api/session';
import { JOB_ID } from '@/lib/jobs/href';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string; jobId: string }> }) {
  const { jobId } = await params;
  return { title: `Job ${jobId.slice(0, 19)} · backup monitor` };
}

function requestTime(): number {
  return Date.now();
}

/** One job; a malformed id or an unknown cluster is a 404 page, an unknown job says so in the page. */
export default async function JobPage({ params }: { params: Promise<{ cluster: string; jobId: string }> }) {
  const { cluster: id, jobId } = await params;
  const cluster = await getCluster(id);
  if (!cluster || !JOB_ID.test(jobId)) notFound();
  return <JobDetailView cluster={{ id: cluster.id, name: cluster.name }} jobId={jobId} renderedAt={requestTime()} clusterSkewMs={clusterSkewMs(cluster.id)} control={await controlOffered()} />;
}
