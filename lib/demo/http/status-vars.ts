/**
 * One demo node's `GET /_status/vars` body, in CockroachDB 23.x+'s exact text format.
 *
 * Shape (CRDB pkg/util/metric/prometheus_exporter.go + pkg/server/status/recorder.go):
 * - `# HELP` then `# TYPE` then the family's samples, one family after another
 *   (expfmt.MetricFamilyToText per family).
 * - Families live in a Go map, so their order changes from scrape to scrape; we shuffle per
 *   `scrapeNo` (deterministically). Samples of a family stay together.
 * - Labels: registry labels first, then the metric's own (`m.Label = append(labels, prom.GetLabels()...)`).
 *   The node registry carries `node_id` (recorder.go `nodeReg.AddLabel("node_id", …)`), store
 *   registries `store` then `node_id`: `{node_id="1"}`, `{store="1",node_id="1"}`,
 *   `{node_id="1",le="…"}`, and the node's own `node_id{node_id="1",advertise_addr=…,http_addr=…,sql_addr=…} 1`.
 * - Values through Go's float formatting (go-format.ts): `4`, `1.4951782e+08`, `+Inf`.
 *
 * Static text (HELP/TYPE headers, sample prefixes with labels) is compiled once per node and
 * cached; a render only formats numbers and joins strings (~2 ms for ~200 KB).
 */
import type { ClusterState } from '../cluster-state';
import type { CrdbVersion, DemoNode } from '../types';
import { BACKUP_FAMILIES } from './backup-families';
import { buildFillerFamilies, IDLE_CAPABLE, type FillerFamily } from './filler-families';
import { escapeHelp, formatGoFloat, formatLabels } from './go-format';
import { BUCKET_LAYOUTS } from './histogram-buckets';
import { curveAt, hash32, rng, valueAt, type HistSpec, type JobCounts, type ValueContext, type ValueSpec } from './value-model';

export interface RenderStatusVarsInput {
  state: ClusterState;
  nodeId: number;
  seed: number;
  /** Which scrape this is (1, 2, …): drives the family order, as Go's map iteration would. */
  scrapeNo: number;
}

/** CRDB recorder.go AddNode: the node-id gauge's metadata. */
export const NODE_ID_HELP = 'node ID with labels for advertised RPC and HTTP addresses';

type Compiled =
  | { readonly k: 'scalar'; readonly head: string; readonly spec: ValueSpec }
  | {
      readonly k: 'hist';
      readonly header: string;
      readonly buckets: readonly string[];
      readonly inf: string;
      readonly sum: string;
      readonly count: string;
      readonly spec: HistSpec;
    };

interface CompiledNode {
  readonly filler: readonly Compiled[];
  /** Backup-table families: name → header + sample prefix, in table order. */
  readonly backup: readonly (readonly [name: string, head: string])[];
  readonly nodeIdFamily: string;
}

const cache = new Map<string, CompiledNode>();
const CACHE_MAX = 64;

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
}

function compileFamily(f: FillerFamily, registry: readonly (readonly [string, string])[]): Compiled {
  const labels = [...registry, ...f.labels];
  const head = header(f.name, f.help, f.type);
  if (f.hist) {
    const bucketLabel = (le: string) => formatLabels([...labels, ['le', le]]);
    return {
      k: 'hist',
      header: head,
      buckets: BUCKET_LAYOUTS[f.hist.layout].map((le) => `${f.name}_bucket${bucketLabel(le)} `),
      inf: `${f.name}_bucket${bucketLabel('+Inf')} `,
      sum: `${f.name}_sum${formatLabels(labels)} `,
      count: `${f.name}_count${formatLabels(labels)} `,
      spec: f.hist.spec,
    };
  }
  if (!f.value) throw new Error(`filler family ${f.name} has no value model`);
  return { k: 'scalar', head: `${head}${f.name}${formatLabels(labels)} `, spec: f.value };
}

function compile(version: CrdbVersion, seed: number, node: DemoNode): CompiledNode {
  const id = String(node.node_id);
  const nodeReg = [['node_id', id]] as const;
  const storeReg = [
    ['store', id],
    ['node_id', id],
  ] as const;
  const filler = buildFillerFamilies({ version, seed, nodeId: node.node_id }).map((f) =>
    compileFamily(f, f.scope === 's' ? storeReg : nodeReg),
  );
  const backup = BACKUP_FAMILIES.map((f) => [f.name, `${header(f.name, f.help, f.type)}${f.name}${formatLabels(nodeReg)} `] as const);
  const nodeIdLabels = formatLabels([
    ...nodeReg,
    ['advertise_addr', node.advertise_addr],
    ['http_addr', node.http_addr],
    ['sql_addr', node.sql_addr],
  ]);
  const nodeIdFamily = `${header('node_id', NODE_ID_HELP, 'gauge')}node_id${nodeIdLabels} ${formatGoFloat(node.node_id)}\n`;
  return { filler, backup, nodeIdFamily };
}

function compiled(version: CrdbVersion, seed: number, node: DemoNode): CompiledNode {
  const key = `${version}|${seed}|${node.node_id}|${node.advertise_addr}|${node.http_addr}|${node.sql_addr}`;
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= CACHE_MAX) cache.clear();
    c = compile(version, seed, node);
    cache.set(key, c);
  }
  return c;
}

/** `AUTO CREATE STATS` → `auto_create_stats`, the type string in per-type family names. */
function metricJobType(jobType: string): string {
  return jobType.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/** Resume or OnFailOrCancel is executing (CRDB: "currently running in Resume or OnFailOrCancel state"). */
const RUNNING = new Set<string>(['running', 'reverting', 'pause-requested', 'cancel-requested']);

/**
 * The node whose metrics poller reports paused counts: CRDB computes `currently_paused` in the
 * POLL JOBS STATS job (pkg/jobs/metricspoller, reference a.6), so it is the node coordinating that
 * job; the lowest node id when the model has none.
 */
function pollerNode(state: ClusterState, nodes: readonly DemoNode[]): number {
  const poller = state.jobs().find((j) => j.job_type === 'POLL JOBS STATS' && RUNNING.has(j.status) && j.coordinator_id !== null);
  return poller?.coordinator_id ?? Math.min(...nodes.map((n) => n.node_id));
}

function jobCounts(state: ClusterState, nodeId: number, pollerNodeId: number): Map<string, JobCounts> {
  const out = new Map<string, JobCounts>();
  for (const j of state.jobs()) {
    const running = RUNNING.has(j.status) && j.coordinator_id === nodeId;
    const paused = j.status === 'paused' && nodeId === pollerNodeId;
    if (!running && !paused) continue;
    const t = metricJobType(j.job_type);
    let c = out.get(t);
    if (!c) out.set(t, (c = { running: 0, paused: 0 }));
    if (running) c.running++;
    if (paused) c.paused++;
  }
  return out;
}

/** jobs_running_non_idle: running jobs of every type minus the idle ones, this node's view. */
function runningNonIdle(counts: ReadonlyMap<string, JobCounts>, metrics: Record<string, number>): number {
  let n = 0;
  for (const [t, c] of counts) if (t !== 'backup' && t !== 'restore' && !IDLE_CAPABLE.has(t)) n += c.running;
  for (const t of ['backup', 'restore']) n += (metrics[`jobs_${t}_currently_running`] ?? 0) - (metrics[`jobs_${t}_currently_idle`] ?? 0);
  return Math.max(0, n);
}

function renderHist(c: Extract<Compiled, { k: 'hist' }>, t: number): string {
  const count = curveAt(c.spec.curve, t);
  let s = c.header;
  for (let i = 0; i < c.buckets.length; i++) s += `${c.buckets[i]}${formatGoFloat(Math.floor(count * c.spec.cdf[i]))}\n`;
  const cnt = formatGoFloat(count);
  return `${s}${c.inf}${cnt}\n${c.sum}${formatGoFloat(Math.round(count * c.spec.mean))}\n${c.count}${cnt}\n`;
}

function shuffle<T>(a: T[], r: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}

export function renderStatusVars(input: RenderStatusVarsInput): string {
  const { state, nodeId, seed, scrapeNo } = input;
  const nodes = state.nodes();
  const node = nodes.find((n) => n.node_id === nodeId);
  if (!node) throw new Error(`renderStatusVars: node ${nodeId} is not in the cluster`);
  const c = compiled(state.version, seed, node);
  const metrics = state.nodeMetrics(nodeId);
  const counts = jobCounts(state, nodeId, pollerNode(state, nodes));
  const ctx: ValueContext = {
    t: Math.max(0, (state.now().getTime() - node.started_at) / 1000),
    liveNodes: nodes.length,
    jobCounts: counts,
    runningNonIdle: runningNonIdle(counts, metrics),
  };

  const parts: string[] = [];
  for (const f of c.filler) {
    parts.push(f.k === 'hist' ? renderHist(f, ctx.t) : `${f.head}${formatGoFloat(valueAt(f.spec, ctx))}\n`);
  }
  // Only what the model reports: a metric this version lacks is absent, not 0.
  for (const [name, head] of c.backup) {
    const v = metrics[name];
    if (v !== undefined) parts.push(`${head}${formatGoFloat(v)}\n`);
  }
  parts.push(c.nodeIdFamily);
  shuffle(parts, rng(hash32(`${seed}:${nodeId}:order:${scrapeNo}`)));
  return parts.join('');
}
