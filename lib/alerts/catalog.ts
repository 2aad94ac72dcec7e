/**
 * The alert rule catalog: every rule the dashboard evaluates, with its defaults. Pure data and
 * pure functions (the exported Prometheus rules build on the same list). CockroachDB ships no
 * backup alert rules (reference §h; cockroachdb/cockroach#51847), so these are the page's own advice.
 */
import type { RuleDef } from './rule-types';
import { METRIC_RULES } from './rules-metric';
import { SCRAPE_RULES } from './rules-scrape';
import { SQL_RULES } from './rules-sql';

export const RULES: readonly RuleDef[] = [...SQL_RULES, ...METRIC_RULES, ...SCRAPE_RULES];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.rule);

export function ruleById(id: string): RuleDef | undefined {
  return RULES.find((r) => r.rule === id);
}

/** The longest look-back any rule may use with these windows (the evidence window's horizon). */
export function horizonS(windows: readonly (number | null)[]): number {
  return Math.max(6 * 3600, ...windows.filter((w): w is number => w !== null));
}
