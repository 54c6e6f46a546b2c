/** A value COPY's text format can carry. */
export type CopyValue = string | number | boolean | null | undefined | Date;

// Backslash, tab, newline and carriage return are COPY text's own syntax inside a field.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// Formatting a Date costs about a microsecond, and the rows a rebuild writes repeat a few
// instants over and over (every event of an append shares its recording time).
const isoByTime = new Map<number, string>();

function isoOf(date: Date): string {
  const time = date.getTime();
  let iso = isoByTime.get(time);
  if (iso === undefined) {
    if (isoByTime.size >= 1024) isoByTime.clear();
    iso = date.toISOString();
    isoByTime.set(time, iso);
  }
  return iso;
}

/** One field in COPY's text format: \N for null, specials escaped. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] as string) : value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return isoOf(value);
  return String(value);
}

// A load runs to megabytes. Each line is encoded into a buffer as soon as it is made: a slice
// built as one string and encoded at the end (a rope of thousands of pieces, flattened, then
// encoded) cost three times as much as laying it out. The buffer is kept and reused: megabytes
// of fresh buffers for every load of a rebuild made V8 collect garbage twice as often.
const FIRST_SIZE = 1 << 20;

/** Rows laid out in COPY's text format: the columns, in order, and the UTF-8 bytes. */
export interface CopyData {
  columns: readonly string[];
  data: Buffer<ArrayBuffer>;
}

/** A buffer rows are laid out in for COPY, reused from one load to the next. */
export class CopyBuffer {
  private bytes: Buffer<ArrayBuffer> = Buffer.allocUnsafe(FIRST_SIZE);
  private length = 0;
  private columns: readonly string[] = [];

  /** Empties the buffer for a new load. */
  clear(): this {
    this.length = 0;
    this.columns = [];
    return this;
  }

  /**
   * Lays out each item as a row after those laid out before (one line, fields tab-separated;
   * the columns are the first row's keys).
   */
  add<T>(items: readonly T[], toRow: (item: T) => Record<string, CopyValue>): this {
    for (const item of items) {
      const row = toRow(item);
      if (this.length === 0 && this.columns.length === 0) this.columns = Object.keys(row);
      const columns = this.columns;
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) line += '\t';
        line += copyField(row[columns[i] as string]);
      }
      line += '\n';
      // A UTF-16 code unit never takes more than three bytes in UTF-8.
      const room = this.length + line.length * 3;
      if (room > this.bytes.length) {
        const larger = Buffer.allocUnsafe(Math.max(room, this.bytes.length * 2));
        this.bytes.copy(larger, 0, 0, this.length);
        this.bytes = larger;
      }
      this.length += this.bytes.write(line, this.length, 'utf8');
    }
    return this;
  }

  /** What is laid out: valid until the buffer is cleared or added to. */
  get laidOut(): CopyData {
    return { columns: this.columns, data: this.bytes.subarray(0, this.length) };
  }

  /** Lays out the items, in place of what the buffer held. */
  layOut<T>(items: readonly T[], toRow: (item: T) => Record<string, CopyValue>): CopyData {
    return this.clear().add(items, toRow).laidOut;
  }
}
