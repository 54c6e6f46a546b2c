import t from 'tap';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { call, token, close } = await testApp(backend);
    t.teardown(close);
    const admin = (await token('admin')).secret;
    const viewer = (await token('viewer')).secret;
    const register = (body: object, secret = admin) => call('POST', '/units', { secret, body });
    const province = (code: string, nameVi: string, effectiveFrom = '1991-10-01') =>
      register({ code, kind: 'provincial_party_committee', nameVi, effectiveFrom });

    t.test('an admin registers a ministry with its Vietnamese and English names', async (t) => {
      const res = await register({
        code: 'BNV',
        kind: 'ministry',
        nameVi: 'Bộ Nội vụ',
        nameEn: 'Ministry of Home Affairs',
        effectiveFrom: '2025-03-01',
      });
      t.equal(res.statusCode, 201, res.body);
      t.match(res.json(), {
        id: 'BNV',
        status: 'active',
        nameVi: 'Bộ Nội vụ',
        answeringUnitId: 'BNV',
        version: 1,
      });
      const read = await call('GET', '/units/BNV', { secret: viewer });
      t.equal(read.statusCode, 200);
      t.equal(read.json().nameEn, 'Ministry of Home Affairs');
    });

    t.test('names are stored in NFC whichever way they were typed', async (t) => {
      const decomposed = 'Hà Giang'.normalize('NFD');
      const res = await province('HAG', decomposed);
      t.equal(res.statusCode, 201, res.body);
      t.equal(res.json().nameVi, 'Hà Giang'.normalize('NFC'));
    });

    t.test('a NUL character or a bad field is a 400 naming each field', async (t) => {
      const res = await register({
        code: 'X Y',
        kind: 'planet',
        nameVi: 'a\u0000b',
        effectiveFrom: '2025-13-01',
      });
      t.equal(res.statusCode, 400);
      t.match(res.json().issues, [{ path: 'body.nameVi', message: /control character/ }]);
      const bad = await register({ code: 'X Y', kind: 'planet', nameVi: 'ok', effectiveFrom: '2025-13-01' });
      t.equal(bad.statusCode, 400);
      const paths = bad.json().issues.map((i: { path: string }) => i.path);
      t.ok(
        paths.includes('body.code') && paths.includes('body.kind') && paths.includes('body.effectiveFrom'),
        paths.join(),
      );
    });

    t.test('a unit registered twice is a 409 naming the state and what it allows', async (t) => {
      const res = await province('HAG', 'Hà Giang');
      t.equal(res.statusCode, 409);
      t.match(res.json(), { error: 'invalid_state', state: 'active', allowedCommands: ['RenameUnit'] });
    });

    t.test('an unknown unit is a 404, as a path id and as a parent', async (t) => {
      t.equal((await call('GET', '/units/NOWHERE', { secret: viewer })).statusCode, 404);
      const orphan = await register({
        code: 'XA-1',
        kind: 'commune',
        nameVi: 'Xã Một',
        parentId: 'NOWHERE',
        effectiveFrom: '2025-07-01',
      });
      t.equal(orphan.statusCode, 404);
      t.match(orphan.json().issues, [{ path: 'body.parentId' }]);
      const rename = await call('POST', '/units/NOWHERE/rename', {
        secret: admin,
        body: { nameVi: 'x', effectiveFrom: '2025-07-01', reason: 'x' },
      });
      t.equal(rename.statusCode, 404);
    });

    t.test('heads over time: who headed the unit on a date', async (t) => {
      await province('TQU-1991', 'Tuyên Quang');
      const heads = [
        { title: 'Bí thư Tỉnh ủy', personName: 'Người A (illustrative)', effectiveFrom: '2020-10-15' },
        { title: 'Bí thư Tỉnh ủy', personName: 'Người B (illustrative)', effectiveFrom: '2024-03-01' },
      ];
      for (const body of heads) {
        t.equal((await call('POST', '/units/TQU-1991/heads', { secret: admin, body })).statusCode, 200);
      }
      const on = async (date: string) =>
        (await call('GET', `/units/TQU-1991/head?on=${date}`, { secret: viewer })).json().head?.personName;
      t.equal(await on('2019-01-01'), undefined);
      t.equal(await on('2023-06-30'), 'Người A (illustrative)');
      t.equal(await on('2025-01-01'), 'Người B (illustrative)');
    });

    t.test('a merger passes the predecessors to the successor; history keeps the old names', async (t) => {
      await province('TQU-2025', 'Tuyên Quang', '2025-07-01');
      await call('POST', '/units/HAG/rename', {
        secret: admin,
        body: { nameVi: 'Tỉnh Hà Giang', effectiveFrom: '2000-01-01', reason: 'illustrative rename' },
      });
      const merged = await call('POST', '/units/merge', {
        secret: admin,
        body: {
          predecessorIds: ['TQU-1991', 'HAG'],
          successorId: 'TQU-2025',
          effectiveFrom: '2025-07-01',
          reason: 'Nghị quyết 202/2025/QH15',
        },
      });
      t.equal(merged.statusCode, 200, merged.body);
      const hag = (await call('GET', '/units/HAG', { secret: viewer })).json();
      t.match(hag, {
        status: 'merged',
        successorId: 'TQU-2025',
        answeringUnitId: 'TQU-2025',
        endedOn: '2025-07-01',
      });
      t.same(
        hag.names.map((n: { nameVi: string }) => n.nameVi),
        ['Hà Giang', 'Tỉnh Hà Giang'],
      );
      const head = (await call('GET', '/units/TQU-1991/head?on=2025-07-01', { secret: viewer })).json();
      t.equal(head.head, null, 'nobody heads a unit after it merged');
      const list = (
        await call('GET', '/units?kind=provincial_party_committee&status=merged', { secret: viewer })
      ).json();
      t.same(list.units.map((u: { id: string }) => u.id).sort(), ['HAG', 'TQU-1991']);
    });

    t.test('a split names the successor that answers for open obligations', async (t) => {
      for (const code of ['XA-A', 'XA-B', 'XA-C']) {
        await register({
          code,
          kind: 'commune',
          nameVi: `Xã ${code} (illustrative)`,
          effectiveFrom: '2025-07-01',
        });
      }
      const res = await call('POST', '/units/XA-A/split', {
        secret: admin,
        body: {
          successorIds: ['XA-B', 'XA-C'],
          obligationsTo: 'XA-D',
          effectiveFrom: '2025-08-01',
          reason: 'x',
        },
      });
      t.equal(res.statusCode, 400);
      t.match(res.json().issues, [{ path: 'obligationsTo' }]);
      const ok = await call('POST', '/units/XA-A/split', {
        secret: admin,
        body: {
          successorIds: ['XA-B', 'XA-C'],
          obligationsTo: 'XA-C',
          effectiveFrom: '2025-08-01',
          reason: 'x',
        },
      });
      t.equal(ok.statusCode, 200, ok.body);
      t.equal((await call('GET', '/units/XA-A', { secret: viewer })).json().answeringUnitId, 'XA-C');
    });

    t.test('an Idempotency-Key replays the first answer; reused for another body it is a 422', async (t) => {
      const body = { code: 'BTP', kind: 'ministry', nameVi: 'Bộ Tư pháp', effectiveFrom: '2025-03-01' };
      const headers = { 'idempotency-key': 'register-btp' };
      const first = await call('POST', '/units', { secret: admin, body, headers });
      const again = await call('POST', '/units', { secret: admin, body, headers });
      t.equal(first.statusCode, 201);
      t.equal(again.statusCode, 201);
      t.equal(again.headers['idempotent-replayed'], 'true');
      t.same(again.json(), first.json());
      const other = await call('POST', '/units', {
        secret: admin,
        body: { ...body, nameVi: 'Bộ khác' },
        headers,
      });
      t.equal(other.statusCode, 422);
    });
  });
}
