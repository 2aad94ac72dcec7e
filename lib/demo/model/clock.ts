/**
 * The cluster's clock. It starts at `startMs` and runs `speed` times faster than the wall clock;
 * `advance()` jumps it forward (tests use speed 0 and advance by hand, which is deterministic).
 */
export class DemoClock {
  private readonly wallStart = Date.now();
  private offsetMs = 0;
  constructor(
    readonly startMs: number,
    readonly speed: number,
  ) {}
  nowMs(): number {
    return this.startMs + (Date.now() - this.wallStart) * this.speed + this.offsetMs;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
  }
}
