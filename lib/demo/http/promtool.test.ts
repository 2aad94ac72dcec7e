import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderStatusVars } from './status-vars';
import { FixtureClusterState } from './test-fixture';

/**
 * Prometheus's own parser as a second opinion (Debian package `prometheus`, `promtool check
 * metrics` reads stdin). Exit 1 = parse error; exit 3 = only lint findings, which CockroachDB's
 * real names always trigger (counters without `_total`, `_count`-suffixed gauges, `_sec` units),
 * so those are accepted.
 */
const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const hasPromtool = promtool.status === 0;
if (!hasPromtool) console.warn('promtool.test.ts: skipped — promtool not installed (apt-get install -y prometheus)');

const NAMING_LINT = /^[a-zA-Z_:][a-zA-Z0-9_:]* (counter metrics should have "_total" suffix|non-histogram and non-summary metrics should not have "_count" suffix|metric names should not contain abbreviated units)$/;

describe.skipIf(!hasPromtool)('promtool check metrics (skipped when promtool is not installed)', () => {
  it.each(['23.2', '24.3', '25.4'] as const)('accepts a %s payload', (version) => {
    const state = new FixtureClusterState({ version });
    const body = renderStatusVars({ state, nodeId: 2, seed: 11, scrapeNo: 1 });
    const r = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8', maxBuffer: 16 << 20 });
    const out = `${r.stdout}${r.stderr}`;
    expect(out).not.toMatch(/error while linting|parsing error/i);
    expect([0, 3]).toContain(r.status);
    const unexpected = out.split('\n').filter((l) => l && !NAMING_LINT.test(l));
    expect(unexpected).toEqual([]);
  });

  it('rejects garbage (the check is real)', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: '<html><body>502</body></html>\n', encoding: 'utf8' });
    expect(r.status).toBe(1);
  });
});
