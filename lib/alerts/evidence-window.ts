/**
 * What alert evaluation remembers between scrapes of one cluster, so that "increase over the last
 * hour" or "max over a day" costs nothing per scrape: counters keep only their increments (rare:
 * a backup counter moves a few times an hour), gauges only their non-zero readings, and
 * `schedules_BACKUP_last_completed_time` only each node's newest non-zero value. Memory therefore
 * grows with events, not with nodes × samples. Seeded from the history store at start, so a restart
 * of the dashboard does not forget a failure it already alerted on. No I/O.
 */

export interface ObservedNode {
  /** `n2`, or the node's position name when it states no id: the same key history uses (`n<node_id>`). */
  key: string;
  up: boolean;
  metrics: Record<string, number>;
}

interface Reading {
  t: number;
  node: string;
  v: number;
}

export const LAST_COMPLETED = 'schedules_BACKUP_last_completed_time';

export class EvidenceWindow {
  private readonly last = new Map<string, number>();
  private readonly increments = new Map<string, Reading[]>();
  private readonly highs = new Map<string, Reading[]>();
  private readonly completed = new Map<string, { v: number; t: number }>();
  private readonly lastUp = new Map<string, number>();

  /**
   * @param horizonMs the longest window any rule asks for; older readings are dropped
   * @param counters metrics read as counters (increments), gauges metrics whose non-zero readings are kept
   */
  constructor(
    readonly horizonMs: number,
    private readonly counters: ReadonlySet<string>,
    private readonly gauges: ReadonlySet<string>,
  ) {}

  /** One scrape. A down node records nothing (its counters are compared with its next reading). */
  observe(tMs: number, nodes: readonly ObservedNode[]): void {
    for (const n of nodes) {
      if (!n.up) continue;
      this.lastUp.set(n.key, tMs);
      for (const [metric, v] of Object.entries(n.metrics)) {
        if (this.counters.has(metric)) {
          const k = `${metric}|${n.key}`;
          const prev = this.last.get(k);
          this.last.set(k, v);
          // A drop is a restart from 0, as in the history store and PromQL's increase().
          const inc = prev === undefined ? 0 : v >= prev ? v - prev : v;
          if (inc > 0) push(this.increments, metric, { t: tMs, node: n.key, v: inc });
        } else if (this.gauges.has(metric) && v > 0) {
          push(this.highs, metric, { t: tMs, node: n.key, v });
        }
        if (metric === LAST_COMPLETED && v > 0) {
          const c = this.completed.get(n.key);
          if (!c || v >= c.v) this.completed.set(n.key, { v, t: tMs });
        }
      }
    }
    this.prune(tMs);
  }

  seedIncrease(metric: string, node: string, tMs: number, amount: number): void {
    if (amount > 0) push(this.increments, metric, { t: tMs, node, v: amount });
  }

  seedHigh(metric: string, node: string, tMs: number, v: number): void {
    if (v > 0) push(this.highs, metric, { t: tMs, node, v });
  }

  seedLastCompleted(node: string, tMs: number, v: number): void {
    const c = this.completed.get(node);
    if (v > 0 && (!c || v > c.v)) this.completed.set(node, { v, t: tMs });
  }

  seedLastUp(node: string, tMs: number): void {
    if ((this.lastUp.get(node) ?? 0) < tMs) this.lastUp.set(node, tMs);
  }

  /** The counter's growth within the window, summed over nodes (reset-aware), and per node. */
  increase(metric: string, windowMs: number, nowMs: number): { value: number; byNode: Map<string, number> } {
    const byNode = new Map<string, number>();
    let value = 0;
    for (const r of this.increments.get(metric) ?? []) {
      if (r.t <= nowMs - windowMs) continue;
      value += r.v;
      byNode.set(r.node, (byNode.get(r.node) ?? 0) + r.v);
    }
    return { value, byNode };
  }

  /** The largest non-zero reading of a gauge within the window on any node, or null when it stayed 0. */
  maxOver(metric: string, windowMs: number, nowMs: number): number | null {
    let max: number | null = null;
    for (const r of this.highs.get(metric) ?? []) if (r.t > nowMs - windowMs && (max === null || r.v > max)) max = r.v;
    return max;
  }

  /**
   * max over nodes of (max over the window of last_completed_time), as CockroachDB's docs advise: a
   * node that restarted reads 0 until it completes a backup, and its earlier value still counts.
   * Null when no node reported a non-zero value within the window.
   */
  lastCompletedMax(windowMs: number, nowMs: number): number | null {
    let max: number | null = null;
    for (const c of this.completed.values()) if (c.t > nowMs - windowMs && (max === null || c.v > max)) max = c.v;
    return max;
  }

  /** When the node last answered a scrape (dashboard clock), or undefined when never. */
  lastUpMs(node: string): number | undefined {
    return this.lastUp.get(node);
  }

  private prune(nowMs: number): void {
    const cut = nowMs - this.horizonMs;
    for (const list of [...this.increments.values(), ...this.highs.values()]) {
      let i = 0;
      while (i < list.length && list[i].t <= cut) i++;
      if (i > 0) list.splice(0, i);
    }
  }
}

function push(m: Map<string, Reading[]>, metric: string, r: Reading): void {
  const list = m.get(metric);
  if (!list) {
    m.set(metric, [r]);
    return;
  }
  // Seeds can arrive out of order with live readings; keep the list sorted by time for pruning.
  if (list.length === 0 || list[list.length - 1].t <= r.t) list.push(r);
  else list.splice(list.findIndex((x) => x.t > r.t), 0, r);
}
