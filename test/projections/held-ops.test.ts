import t from 'tap';
import { HeldOps } from '../../src/projections/held-ops.js';
import type { ProjectionOp, Row } from '../../src/projections/projection.js';

// What the database does with projection operations, on rows in memory: the reference that
// held (folded) operations must agree with.
type Tables = Map<string, Map<string, Row>>;

function apply(tables: Tables, ops: readonly ProjectionOp[]): Tables {
  for (const op of ops) {
    const rows = tables.get(op.table) ?? new Map<string, Row>();
    tables.set(op.table, rows);
    if (op.op === 'upsert') {
      const key = JSON.stringify(Object.values(op.key));
      const existing = rows.get(key);
      rows.set(key, existing ? { ...existing, ...op.set } : { ...op.key, ...op.set, ...op.insertOnly });
    } else {
      for (const [key, row] of rows) {
        if (!Object.entries(op.where).every(([c, v]) => row[c] === v)) continue;
        if (op.op === 'delete') rows.delete(key);
        else rows.set(key, { ...row, ...op.set });
      }
    }
  }
  return tables;
}

const snapshot = (tables: Tables) =>
  [...tables].map(([name, rows]) => [name, [...rows].sort(([a], [b]) => a.localeCompare(b))]);

// A stream's row, touched by each of its events; now and then a status flip or a removal.
function operations(seed: number, count: number): ProjectionOp[] {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
  return Array.from({ length: count }, (_, i): ProjectionOp => {
    const id = `s-${next(7)}`;
    const roll = next(10);
    if (roll === 0) return { op: 'delete', table: 'streams', where: { id } };
    if (roll === 1) return { op: 'update', table: 'streams', set: { flagged: true }, where: { id } };
    if (roll === 2)
      return {
        op: 'upsert',
        table: 'streams',
        key: { id },
        set: { note: `n${i}` },
        insertOnly: { first: i },
      };
    return {
      op: 'upsert',
      table: roll === 3 ? 'other' : 'streams',
      key: { id },
      set: { version: i, flagged: false },
      insertOnly: { first: i },
    };
  });
}

t.test('held operations leave the rows applying every one in turn leaves', async (t) => {
  for (let seed = 1; seed <= 200; seed++) {
    const ops = operations(seed, 60);
    const held = new HeldOps();
    // In pages, as a rebuild hands them over.
    for (let i = 0; i < ops.length; i += 9) held.add(ops.slice(i, i + 9));
    const drained = held.drain().flat();
    t.same(snapshot(apply(new Map(), drained)), snapshot(apply(new Map(), ops)), `seed ${seed}`);
  }
});

t.test('a run of upserts keeps one per row: the last values, the first insert-only ones', async (t) => {
  const held = new HeldOps();
  const upsert = (id: string, version: number): ProjectionOp => ({
    op: 'upsert',
    table: 'streams',
    key: { id },
    set: { version },
    insertOnly: { created: version },
  });
  held.add([upsert('a', 1), upsert('b', 2), upsert('a', 3)]);
  held.add([upsert('a', 4)]);
  t.same(held.drain(), [[{ ...upsert('a', 4), insertOnly: { created: 1 } }, upsert('b', 2)]]);
  t.same(held.drain(), [], 'nothing held after draining');
});

t.test('rows are told apart by the kind and the bounds of each key value', async (t) => {
  const held = new HeldOps();
  const upsert = (key: Row, version: number): ProjectionOp => ({
    op: 'upsert',
    table: 't',
    key,
    set: { version },
  });
  held.add([
    upsert({ a: '1', b: 'x' }, 1),
    upsert({ a: 1, b: 'x' }, 2),
    upsert({ a: 'xy', b: '' }, 3),
    upsert({ a: 'x', b: 'y' }, 4),
    upsert({ a: '1', b: 'x' }, 5),
  ]);
  t.same(
    held.drain().map((run) => (Array.isArray(run) ? run.map((u) => u.set.version) : run)),
    [[5, 2, 3, 4]],
    'text "1" and the number 1 are two rows; ("xy", "") and ("x", "y") are two rows',
  );
});

t.test(
  'upserts naming the same columns in another order are one run; other columns start another',
  async (t) => {
    const held = new HeldOps();
    held.add([
      { op: 'upsert', table: 't', key: { id: 'a' }, set: { x: 1, y: 1 } },
      { op: 'upsert', table: 't', key: { id: 'b' }, set: { y: 2, x: 2 } },
      { op: 'upsert', table: 't', key: { id: 'c' }, set: { x: 3, y: 3 }, insertOnly: { z: 3 } },
      { op: 'upsert', table: 't', key: { id: 'd' }, set: { x: 4 }, insertOnly: { z: 4 } },
      { op: 'upsert', table: 'u', key: { id: 'e' }, set: { x: 5 }, insertOnly: { z: 5 } },
    ]);
    t.same(
      held.drain().map((run) => (Array.isArray(run) ? run.map((u) => u.key.id) : run)),
      [['a', 'b'], ['c'], ['d'], ['e']],
    );
  },
);
