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

// Slices of thousands of rows run to megabytes. Each line is encoded into a buffer as soon as
// it is made: a slice built as one string and encoded at the end (a rope of thousands of
// pieces, flattened, then encoded) cost three times as much as laying it out. The buffers are
// lent and given back, not made per slice: megabytes of fresh buffers for every slice of a
// rebuild made V8 collect garbage twice as often.
const FIRST_SIZE = 1 << 20;
const SPARES_KEPT = 2;
const spares: Buffer<ArrayBuffer>[] = [];

/**
 * Lends `use` the rows in COPY's text format, as the UTF-8 bytes COPY reads: one line per row,
 * fields in `columns` order, tab-separated. The bytes are only valid until `use` settles.
 */
export async function withCopyData<T>(
  columns: readonly string[],
  rows: readonly Record<string, CopyValue>[],
  use: (data: Buffer<ArrayBuffer>) => Promise<T>,
): Promise<T> {
  let bytes = spares.pop() ?? Buffer.allocUnsafe(FIRST_SIZE);
  let length = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += '\t';
      line += copyField(row[columns[i] as string]);
    }
    line += '\n';
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const room = length + line.length * 3;
    if (room > bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(room, bytes.length * 2));
      bytes.copy(larger, 0, 0, length);
      bytes = larger;
    }
    length += bytes.write(line, length, 'utf8');
  }
  try {
    return await use(bytes.subarray(0, length));
  } finally {
    if (spares.length < SPARES_KEPT) spares.push(bytes);
  }
}
