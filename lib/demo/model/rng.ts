/**
 * A small seeded PRNG (mulberry32): the demo's history must be the same for the same seed
 * and start time, so every random choice in the model draws from one of these, never Math.random.
 */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, maxInclusive: number): number {
    return Math.floor(this.between(min, maxInclusive + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
  /** A positive 63-bit integer as a decimal string (trace ids). */
  int63(): string {
    const hi = BigInt(Math.floor(this.next() * 2 ** 31));
    const lo = BigInt(Math.floor(this.next() * 2 ** 32));
    return ((hi << 32n) | lo).toString();
  }
}
