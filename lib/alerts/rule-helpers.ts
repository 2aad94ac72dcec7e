/** What the metric rules share: PromQL selectors, durations, and whether the scrape has evidence at all. */
import type { RuleContext } from './rule-types';

export const H = 3600;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A PromQL vector selector of these metrics with the cluster's matchers. */
export function vec(metrics: readonly string[], sel: string): string {
  const m = metrics.length === 1 ? metrics[0] : '';
  const matchers = [metrics.length > 1 ? `__name__=~"${metrics.join('|')}"` : '', sel].filter(Boolean).join(',');
  return matchers ? `${m}{${matchers}}` : m;
}
export const dur = (s: number) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);

export function downNote(ctx: RuleContext): string {
  const down = ctx.scrape?.nodes.filter((n) => !n.up).map((n) => n.name) ?? [];
  return down.length ? ` At least this many: ${down.join(', ')} could not be scraped, so their share is missing.` : '';
}

/** Metric evidence exists once a scrape reached at least one node. */
export const haveMetrics = (ctx: RuleContext) => ctx.scrape !== null && ctx.scrape.nodes.some((n) => n.up);
