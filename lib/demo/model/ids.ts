/**
 * CockroachDB's unique_rowid(): (10 µs units since 2015-01-01) << 15 | node id. Job and schedule
 * ids are made this way, so they look real (≈1.2e18 in 2026) and exceed JavaScript's safe integers.
 * Source: pkg/sql/sem/builtins GenerateUniqueInt, uniqueIntEpoch = 2015-01-01.
 */
const UNIQUE_INT_EPOCH_MS = Date.UTC(2015, 0, 1);

export class IdGenerator {
  private last = 0n;
  next(atMs: number, nodeId: number): string {
    let units = BigInt(Math.max(0, Math.floor((atMs - UNIQUE_INT_EPOCH_MS) * 100)));
    // Strictly increasing, like the HLC: two ids in the same 10 µs take the next unit.
    if (units <= this.last) units = this.last + 1n;
    this.last = units;
    return ((units << 15n) | BigInt(nodeId & 0x7fff)).toString();
  }
}

/** The id unique_rowid() gives at this time on this node (no collision bookkeeping): for ids of jobs that never ran here. */
export function uniqueIdAt(atMs: number, nodeId: number): string {
  const units = BigInt(Math.max(0, Math.floor((atMs - UNIQUE_INT_EPOCH_MS) * 100)));
  return ((units << 15n) | BigInt(nodeId & 0x7fff)).toString();
}
