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

/** Rows in COPY's text format: one line per row, fields in `columns` order, tab-separated. */
export function copyText(columns: readonly string[], rows: readonly Record<string, CopyValue>[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += '\t';
      line += copyField(row[columns[i] as string]);
    }
    text += `${line}\n`;
  }
  return text;
}
