import type { StreamHead } from './types.js';

/**
 * Recently written stream heads. An entry states "version N of this stream has chain C", which
 * stays true forever once committed, so a hit can never be wrong, only behind; a writer that is
 * behind is refused by the database's unique (stream, version) key.
 *
 * Two generations rather than a strict LRU: entries go into the young map; when it holds half
 * the capacity it becomes the old one and the previous old one is dropped; a hit in the old map
 * brings the entry back into the young. Each write is one map write, where reordering a single
 * map cost a delete, a write and an eviction per stream of every batch.
 */
export class StreamHeadCache {
  private young = new Map<string, StreamHead>();
  private old = new Map<string, StreamHead>();
  private readonly generation: number;

  /** Holds at most `capacity` heads, and at least the last `capacity / 2` written or read. */
  constructor(capacity: number) {
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  /** The head if it is known to be at exactly `version`. */
  get(streamType: string, streamId: string, version: number): StreamHead | undefined {
    const k = key(streamType, streamId);
    let head = this.young.get(k);
    if (head === undefined) {
      head = this.old.get(k);
      if (head !== undefined) this.put(k, head);
    }
    return head?.version === version ? head : undefined;
  }

  /** Records a committed head. */
  set(streamType: string, streamId: string, head: StreamHead): void {
    this.put(key(streamType, streamId), head);
  }

  /** Drops what is known of a stream (after a conflict). */
  forget(streamType: string, streamId: string): void {
    const k = key(streamType, streamId);
    this.young.delete(k);
    this.old.delete(k);
  }

  /** How many heads are held (old ones shadowed by newer included). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  private put(k: string, head: StreamHead): void {
    this.young.set(k, head);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}

function key(streamType: string, streamId: string): string {
  return `${streamType}\u0000${streamId}`;
}
