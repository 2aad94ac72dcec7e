/**
 * A deterministic ~1 MB `/_status/vars` page shaped like a CockroachDB 23.x+ node's:
 * - ~1000 families, each `# HELP`, `# TYPE`, samples, in a shuffled order (Go map order);
 * - every sample carries `node_id`, store-level ones `store` first (recorder.go order);
 * - the catalog's backup/restore families among ~25 other job types' `jobs_<type>_*`
 *   families, so the filter has to tell apart many names sharing the `jobs_` prefix;
 * - histograms with ~60 `le` buckets (exponential bounds, printed like Go's %g) plus
 *   `_sum`/`_count`, which make up most of the bytes, as on a real node;
 * - the `node_id{node_id,advertise_addr,http_addr,sql_addr}` identity line.
 * Only the shape matters here, not the values.
 */
import { CATALOG } from '../lib/catalog';
import { formatGoFloat } from '../lib/demo/http/go-format';
import { rng } from '../lib/demo/http/value-model';

export interface SyntheticOptions {
  /** Approximate size to reach, in bytes (histograms are added until it is reached). */
  targetBytes?: number;
  seed?: number;
  nodeId?: number;
}

const JOB_TYPES = [
  'auto_create_stats', 'auto_span_config_reconciliation', 'auto_sql_stats_compaction', 'changefeed', 'create_stats',
  'import', 'key_visualizer', 'migration', 'new_schema_change', 'poll_jobs_stats', 'replication_stream_ingestion',
  'replication_stream_producer', 'row_level_ttl', 'schema_change', 'schema_change_gc', 'typedesc_schema_change',
  'stream_ingestion', 'auto_config_runner', 'auto_config_env_runner', 'auto_config_task', 'auto_update_sql_activity',
  'mvcc_statistics_update', 'auto_schema_telemetry', 'history_retention', 'logical_replication',
] as const;
const JOB_METRICS = [
  ['currently_running', 'gauge'], ['currently_idle', 'gauge'], ['currently_paused', 'gauge'], ['resume_completed', 'counter'],
  ['resume_failed', 'counter'], ['resume_retry_error', 'counter'], ['fail_or_cancel_completed', 'counter'],
  ['fail_or_cancel_failed', 'counter'], ['fail_or_cancel_retry_error', 'counter'], ['protected_age_sec', 'gauge'],
  ['protected_record_count', 'gauge'], ['expired_pts_records', 'counter'],
] as const;
const SUBSYSTEMS = ['sql', 'kv', 'raft', 'rocksdb', 'storage', 'changefeed', 'distsender', 'txn', 'gossip', 'admission', 'liveness', 'queue', 'range', 'rpc', 'sys'];
const WORDS = ['exec', 'latency', 'count', 'bytes', 'requests', 'errors', 'applied', 'pending', 'flush', 'compaction', 'read', 'write', 'batch', 'commit', 'abort', 'restart', 'wait', 'slots', 'tokens', 'granted'];

export function syntheticStatusVars(opts: SyntheticOptions = {}): string {
  const target = opts.targetBytes ?? 1_000_000;
  const rand = rng(opts.seed ?? 42);
  const id = String(opts.nodeId ?? 1);
  const node = `node_id="${id}"`;
  const store = `store="${id}",node_id="${id}"`;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const value = (type: string) => formatGoFloat(type === 'counter' ? Math.floor(rand() * 5e8) : Math.floor(rand() * 2000) / (rand() < 0.3 ? 8 : 1));
  const blocks: string[] = [];
  const used = new Set<string>();
  const head = (name: string, help: string, type: string) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;

  for (const m of CATALOG) blocks.push(`${head(m.exported, m.help, m.promType)}${m.exported}{${node}} ${value(m.promType)}\n`);
  for (const m of CATALOG) used.add(m.exported);
  for (const t of JOB_TYPES) {
    for (const [metric, type] of JOB_METRICS) {
      const name = `jobs_${t}_${metric}`;
      used.add(name);
      blocks.push(`${head(name, `Number of ${t} jobs ${metric.replace(/_/g, ' ')}`, type)}${name}{${node}} ${value(type)}\n`);
    }
  }
  const scalarFamilies = 1000 - blocks.length - 130;
  for (let i = 0; blocks.length < 1000 - 130 && i < scalarFamilies * 4; i++) {
    const name = `${pick(SUBSYSTEMS)}_${pick(WORDS)}_${pick(WORDS)}${rand() < 0.3 ? `_${pick(WORDS)}` : ''}`;
    if (used.has(name)) continue;
    used.add(name);
    const type = rand() < 0.6 ? 'counter' : 'gauge';
    const labels = rand() < 0.3 ? store : node;
    blocks.push(`${head(name, `Synthetic ${name.replace(/_/g, ' ')}`, type)}${name}{${labels}} ${value(type)}\n`);
  }
  blocks.push(`${head('node_id', 'node ID with labels for advertised RPC and HTTP addresses', 'gauge')}node_id{${node},advertise_addr="10.0.0.${id}:26257",http_addr="10.0.0.${id}:8080",sql_addr="10.0.0.${id}:26257"} ${id}\n`);

  // Histograms until the target size: 60 exponential buckets like CRDB's latency buckets.
  let size = blocks.reduce((n, b) => n + b.length, 0);
  for (let h = 0; size < target; h++) {
    const name = `${pick(SUBSYSTEMS)}_${pick(WORDS)}_latency_${h}`;
    const labels = rand() < 0.4 ? store : node;
    let count = 0;
    let s = head(name, `Latency histogram ${h}`, 'histogram');
    for (let b = 0; b < 60; b++) {
      count += Math.floor(rand() * 50);
      s += `${name}_bucket{${labels},le="${formatGoFloat(1e4 * Math.pow(1.2589254117941673, b))}"} ${count}\n`;
    }
    s += `${name}_bucket{${labels},le="+Inf"} ${count}\n${name}_sum{${labels}} ${formatGoFloat(count * 123456.7)}\n${name}_count{${labels}} ${count}\n`;
    blocks.push(s);
    size += s.length;
  }
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
  return blocks.join('');
}
