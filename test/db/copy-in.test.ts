import t from 'tap';
import { CopyBuffer } from '../../src/db/copy-text.js';
import { backends } from '../helpers/backends.js';

// Texts that are COPY's own syntax, or that a careless encoder mangles.
const awkward = [
  'Tỉnh ủy Tuyên Quang',
  'tab\there',
  'line\nbreak and \r return',
  'back\\slash \\N not null',
  '{"quote": "\\"", "nested": {"k": [1, 2]}}',
  '',
];

for (const backend of await backends()) {
  t.test(`${backend.name}: rows loaded with COPY read back exactly as written`, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    await database.sql.query({
      text: 'create table copy_probe (n integer, label text, doc jsonb, on_day date, flag boolean)',
    });
    const rows = awkward.map((label, n) => ({
      n,
      label,
      doc: JSON.stringify({ label }),
      on_day: n % 2 ? '2025-07-01' : null,
      flag: n % 3 === 0,
    }));
    const columns = ['n', 'label', 'doc', 'on_day', 'flag'];
    const buffer = new CopyBuffer();
    const laidOut = buffer.layOut(rows, (r) => r);
    t.same(laidOut.columns, columns, "the columns are the first row's keys");
    await database.sql.transaction((tx) => tx.copyIn('copy_probe', laidOut.columns, laidOut.data));
    const back = await database.sql.query<{
      n: number;
      label: string;
      doc: { label: string };
      day: string | null;
      flag: boolean;
    }>({
      text: `select n, label, doc, to_char(on_day, 'YYYY-MM-DD') as day, flag from copy_probe order by n`,
    });
    t.same(
      back.map((r) => [r.n, r.label, r.doc.label, r.day, r.flag]),
      rows.map((r) => [r.n, r.label, r.label, r.on_day, r.flag]),
      'every text, null, date and flag intact',
    );
    // The same buffer again: what it held before is replaced, not added to.
    const again = buffer.layOut([{ n: 99 }], (r) => r);
    await database.sql.copyIn('copy_probe', again.columns, again.data);
    const [outside] = await database.sql.query<{ n: number }>({
      text: 'select count(*)::int as n from copy_probe',
    });
    t.equal(outside?.n, awkward.length + 1, 'COPY outside a transaction takes a connection of its own');
  });
}
