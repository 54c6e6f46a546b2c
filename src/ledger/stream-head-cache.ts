import type { StreamHead } from './types.js';

/**
 * Recently written stream heads. An entry states "version N of this stream has chain C", which
 * stays true forever once committed, so a hit can never be wrong, only behind; a writer that is
 * behind is refused by the database's unique (stream, version) key.
 */
export class StreamHeadCache {
  private readonly entries = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  /** The head if it is known to be at exactly `version`. */
  get(streamType: string, streamId: string, version: number): StreamHead | undefined {
    const head = this.entries.get(key(streamType, streamId));
    return head?.version === version ? head : undefined;
  }

  /** Records a committed head. */
  set(streamType: string, streamId: string, head: StreamHead): void {
    const k = key(streamType, streamId);
    this.entries.delete(k);
    this.entries.set(k, head);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Drops what is known of a stream (after a conflict). */
  forget(streamType: string, streamId: string): void {
    this.entries.delete(key(streamType, streamId));
  }
}

function key(streamType: string, streamId: string): string {
  return `${streamType}\u0000${streamId}`;
}
