import type { BucketLayout } from './histogram-buckets';

/**
 * One family of the filler body, as data: exported name, kind (c=counter, g=gauge,
 * h=histogram), scope (n=node registry → `{node_id}`, s=store registry → `{store,node_id}`),
 * HELP text, and for histograms the bucket layout.
 */
export type FillerRow = readonly [name: string, kind: 'c' | 'g' | 'h', scope: 'n' | 's', help: string, layout?: BucketLayout];
