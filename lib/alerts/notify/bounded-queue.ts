/**
 * A FIFO that never holds more than `capacity` items: pushing onto a full queue drops the oldest
 * (a receiver that has been down for hours needs the newest notifications, not the first ones), and
 * counts it, as Prometheus's notifier does with its queue.
 */
export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    if (this.size >= this.capacity) {
      this.head++;
      this.dropped++;
    }
    this.items.push(item);
    this.compact();
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.head++;
    this.compact();
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }

  // Shifting an array is O(n); move the head instead and copy once it passes half the array.
  private compact(): void {
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
