/**
 * Child process of ts-backfill.bench.ts: the reference-shaped /ts/query fixture
 * (tests/integration/helpers/ts-fixture.ts) serving every catalog metric of any node asked for,
 * with plausible values (counters that grow, gauges that move). Prints its URL, then serves until killed.
 */
import { CATALOG } from '../lib/catalog';
import { startTsFixture } from '../tests/integration/helpers/ts-fixture';

const KIND = new Map(CATALOG.map((m, i) => [`cr.node.${m.name}`, { kind: m.kind, i }]));

async function main(): Promise<void> {
  const now = Number(process.argv[2]);
  const f = await startTsFixture({
    now: () => now,
    keepBodies: false,
    value: (series, node, t) => {
      const m = KIND.get(series);
      if (!m) return null;
      if (m.kind === 'counter') return Math.floor(t / 60_000) % 100_000 + node;
      if (m.kind === 'timestamp') return Math.floor(t / 3_600_000) * 3600;
      return (Math.floor(t / 600_000) + node + m.i) % 7;
    },
  });
  console.log(f.url);
}

void main();
