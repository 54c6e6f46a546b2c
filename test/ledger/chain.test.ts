import { createRequire } from 'node:module';
import t from 'tap';
import {
  type ChainedContent,
  canonicalContent,
  canonicalJson,
  GENESIS,
  nextChain,
  quote,
} from '../../src/ledger/chain.js';

const event: ChainedContent = {
  streamType: 'shortcoming',
  streamId: 'SC-2025-0007',
  streamVersion: 3,
  eventId: '0199A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B',
  type: 'RemediationReported',
  schemaVersion: 1,
  data: {
    evidence: { documentCode: '56-KH/BCĐ', sha256: null },
    percent: 62.5,
    note: 'Đã khắc phục "một phần"\n',
  },
  actor: 'tinh-uy-lao-cai',
  role: 'unit',
  onBehalfOf: 'Tỉnh ủy Lào Cai',
  reason: null,
  correlationId: null,
  causationId: '0199A1B2-0000-7000-8000-000000000001',
  tags: { scenario: true },
  occurredAt: new Date('2025-09-30T17:00:00.000Z'),
};

t.test('the hand-laid canonical form is exactly RFC 8785 of the whole content', async (t) => {
  const expected = canonicalJson({
    ...event,
    eventId: event.eventId.toLowerCase(),
    causationId: event.causationId?.toLowerCase(),
    occurredAt: event.occurredAt.toISOString(),
  });
  t.equal(canonicalContent(event), expected);
});

t.test('the chain changes with any covered field and depends on the previous link', async (t) => {
  const base = nextChain(GENESIS, event);
  t.equal(base.length, 32);
  t.notSame(nextChain(GENESIS, { ...event, actor: 'someone else' }), base);
  t.notSame(nextChain(GENESIS, { ...event, data: { ...(event.data as object), percent: 63 } }), base);
  t.notSame(nextChain(base, event), base);
  t.same(nextChain(GENESIS, { ...event }), base, 'deterministic');
});

t.test("canonicalJson gives the canonicalize library's bytes, fast path or not", async (t) => {
  const library = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string | undefined;
  const values: unknown[] = [
    null,
    0,
    -0,
    1e21,
    1.5e-7,
    0.1 + 0.2,
    'Đã khắc phục "một phần"\n\u2028\ud800',
    true,
    [],
    {},
    [1, undefined, 'x'],
    { b: 1, a: [{ z: null, y: 'x' }], é: 2, A: 3, '10': 1, '9': 2, '\ud83d\ude00': 4 },
    { at: new Date('2025-09-30T17:00:00.000Z'), skipped: undefined },
    event.data,
  ];
  for (const [i, value] of values.entries()) t.ok(canonicalJson(value) === library(value), `value ${i}`);
  t.throws(() => canonicalJson(Number.NaN));
  t.throws(() => canonicalJson(undefined));
});

t.test('quote is JSON.stringify for every kind of string', async (t) => {
  const strings = [
    '',
    'Tỉnh ủy Lào Cai',
    'say "no"',
    'C:\\path',
    'line\nbreak\ttab\u0000\u001f',
    '\u2028\u2029\u007f',
    'lone \ud800 high',
    'lone \udfff low',
    'pair \ud83d\ude00',
  ];
  // Named by index: a raw U+2028 in an assertion's name would break the TAP stream's lines.
  for (const [i, s] of strings.entries()) t.equal(quote(s), JSON.stringify(s), `string ${i}`);
});

t.test('objects of one shape, or of shapes that share a first key, keep their own key order', async (t) => {
  const library = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string | undefined;
  // The same keys in other orders, other keys behind the same first key, more shapes behind
  // one first key than are kept, and more first keys than are kept: each must come out as the
  // library writes it, whatever was seen before.
  const shapes: Record<string, unknown>[] = [
    { b: 1, a: 2, c: 3 },
    { b: 1, c: 3, a: 2 },
    { b: 1, a: 2 },
    { b: 1, a: 2, c: 3, d: undefined },
    { b: 1, a: 2, c: 3, é: 4 },
    ...Array.from({ length: 20 }, (_, i) => ({ b: i, [`k${i}`]: i, a: 'x' })),
    ...Array.from({ length: 1100 }, (_, i) => ({ [`first${i}`]: i, z: 1, a: 2 })),
    { b: 1, a: 2, c: 3 },
  ];
  let mismatches = 0;
  for (const shape of shapes) if (canonicalJson(shape) !== library(shape)) mismatches++;
  for (const shape of shapes.slice(0, 30)) if (canonicalJson(shape) !== library(shape)) mismatches++;
  t.equal(mismatches, 0, `${shapes.length + 30} objects`);
});

t.test('events that share a valid time, and those that do not, each carry their own', async (t) => {
  const at = (iso: string) => new Date(iso);
  const times = ['2025-09-30T17:00:00.000Z', '2025-09-30T17:00:00.000Z', '2025-10-01T00:00:00.001Z'];
  for (const [i, iso] of times.entries()) {
    const content = canonicalContent({ ...event, occurredAt: at(iso) });
    t.match(content, `"occurredAt":"${iso}"`, `time ${i}`);
  }
  t.throws(() => canonicalContent({ ...event, occurredAt: new Date(Number.NaN) }), RangeError);
  t.throws(() => canonicalContent({ ...event, occurredAt: new Date(Number.NaN) }), RangeError, 'again');
});
