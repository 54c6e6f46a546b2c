// SYNTHETIC — what happens next, in time order: a binary min-heap on (time, insertion order).

interface Entry<T> {
  at: number;
  seq: number;
  value: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A queue that hands out values by time; equal times come out in the order they went in. */
export class Timeline<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules a value at a time. */
  push(at: number, value: T): void {
    const heap = this.heap;
    const entry = { at, seq: this.seq++, value };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent] as Entry<T>)) break;
      heap[i] = heap[parent] as Entry<T>;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The earliest value and its time, removed from the queue. */
  pop(): { at: number; value: T } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last) return undefined;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const child = r < heap.length && before(heap[r] as Entry<T>, heap[l] as Entry<T>) ? r : l;
        if (!before(heap[child] as Entry<T>, last)) break;
        heap[i] = heap[child] as Entry<T>;
        i = child;
      }
      heap[i] = last;
    }
    return { at: top.at, value: top.value };
  }
}
