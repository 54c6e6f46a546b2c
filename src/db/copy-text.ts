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

  /**
   * Lays out each item as a row (one line, fields tab-separated; the columns are the first
   * row's keys). The bytes are only valid until the next layOut.
   */
  layOut<T>(items: readonly T[], toRow: (item: T) => Record<string, CopyValue>): CopyData {
    let columns: readonly string[] = [];
    let length = 0;
    for (const [n, item] of items.entries()) {
      const row = toRow(item);
      if (n === 0) columns = Object.keys(row);
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) line += '\t';
        line += copyField(row[columns[i] as string]);
      }
      line += '\n';
      // A UTF-16 code unit never takes more than three bytes in UTF-8.
      const room = length + line.length * 3;
      if (room > this.bytes.length) {
        const larger = Buffer.allocUnsafe(Math.max(room, this.bytes.length * 2));
        this.bytes.copy(larger, 0, 0, length);
        this.bytes = larger;
      }
      length += this.bytes.write(line, length, 'utf8');
    }
    return { columns, data: this.bytes.subarray(0, length) };
  }
}
