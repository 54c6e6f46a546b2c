import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One column of a CSV export: its header and how a row gives its value. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | boolean | null | undefined;
}

/** Whether the caller asked for CSV: `?format=csv` or `Accept: text/csv`. */
export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string } | undefined)?.format;
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(request.headers.accept ?? '');
}

// Spreadsheet programs read UTF-8 as a legacy code page unless the file starts with a BOM, which
// garbles Vietnamese names.
const BOM = '\uFEFF';

/** Sends rows as a CSV download: UTF-8 with a byte order mark, CRLF line ends. */
export function sendCsv<R>(
  reply: FastifyReply,
  filename: string,
  columns: readonly CsvColumn<R>[],
  rows: readonly R[],
) {
  const body = stringify(
    rows.map((r) => columns.map((c) => c.value(r) ?? '')),
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' },
  );
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(BOM + body);
}
