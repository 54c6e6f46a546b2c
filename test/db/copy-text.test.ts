import t from 'tap';
import { CopyBuffer, copyField } from '../../src/db/copy-text.js';

t.test("fields are written in COPY's text format", async (t) => {
  t.equal(copyField(null), '\\N');
  t.equal(copyField(undefined), '\\N');
  t.equal(copyField('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
  t.equal(copyField(true), 't');
  t.equal(copyField(false), 'f');
  t.equal(copyField(42), '42');
  t.equal(copyField(new Date('2025-07-01T00:00:00.000Z')), '2025-07-01T00:00:00.000Z');
});

t.test('a load larger than the buffer grows it, byte for byte', async (t) => {
  // Vietnamese takes two and three bytes a character in UTF-8: the buffer must grow on bytes,
  // not on characters, and keep what it had laid out before it grew.
  const rows = Array.from({ length: 6000 }, (_, n) => ({
    n,
    label: `Tỉnh ủy Tuyên Quang — khắc phục hạn chế ${n}\t${'ệ'.repeat(n % 300)}`,
  }));
  const expected = rows.map((r) => `${r.n}\t${copyField(r.label)}\n`).join('');
  const buffer = new CopyBuffer();
  const big = buffer.layOut(rows, (r) => r);
  t.ok(big.data.length > 1 << 20, 'more than the first megabyte');
  t.ok(big.data.equals(Buffer.from(expected, 'utf8')), 'the UTF-8 of every line, in order');
  const small = buffer.layOut([{ n: 1, label: 'một' }], (r) => r);
  t.equal(small.data.toString('utf8'), '1\tmột\n', 'reused: only the new rows');
  t.same(
    buffer.layOut([], (r: { n: number }) => r),
    { columns: [], data: Buffer.alloc(0) },
    'no rows, no bytes',
  );
});

t.test('rows added in parts are one load, in order, under the first row’s columns', async (t) => {
  const buffer = new CopyBuffer();
  buffer.add([{ a: 1, b: 'một' }], (r) => r).add([{ a: 2, b: 'hai' }], (r) => r);
  t.same(buffer.laidOut.columns, ['a', 'b']);
  t.equal(buffer.laidOut.data.toString('utf8'), '1\tmột\n2\thai\n');
  t.equal(buffer.clear().laidOut.data.length, 0, 'cleared');
});
