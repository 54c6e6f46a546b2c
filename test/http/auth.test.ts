import t from 'tap';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';
import { countEvents } from '../helpers/ledger.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    const admin = (await token('admin')).secret;
    const viewer = (await token('viewer')).secret;
    const ministry = { code: 'BNV', kind: 'ministry', nameVi: 'Bộ Nội vụ', effectiveFrom: '2025-03-01' };

    t.test('without a valid bearer token: 401, whatever the route', async (t) => {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: 'Basic abc' },
        { authorization: 'Bearer ovs_nottoken' },
      ]) {
        const res = await call('GET', '/units', { headers });
        t.equal(res.statusCode, 401);
        t.equal(res.json().error, 'unauthenticated');
      }
      t.equal((await call('GET', '/health')).statusCode, 200, 'health needs no token');
      t.equal((await call('GET', '/docs/json')).statusCode, 200, 'nor does the API document');
    });

    t.test('outside one’s rights: 403 and nothing appended', async (t) => {
      const secretariat = (await token('secretariat')).secret;
      const before = await countEvents(app.database);
      const res = await call('POST', '/units', { secret: viewer, body: ministry });
      t.equal(res.statusCode, 403);
      t.match(res.json(), { error: 'forbidden', role: 'viewer', required: ['units:manage'] });
      t.equal(
        (await call('POST', '/tokens', { secret: secretariat, body: { name: 'x', role: 'admin' } }))
          .statusCode,
        403,
      );
      t.equal(await countEvents(app.database), before);
    });

    t.test('every event records the actor, the role and the actor’s name', async (t) => {
      const res = await call('POST', '/units', { secret: admin, body: ministry });
      t.equal(res.statusCode, 201);
      const [event] = await app.ledger.store.readStream('unit', 'BNV');
      t.match(event, { actor: /^token:/, role: 'admin', tags: { actorName: 'admin (test)' } });
    });

    t.test('an admin issues a token over HTTP: the secret once, then it works until revoked', async (t) => {
      const headers = { 'idempotency-key': 'issue-unit-token' };
      const body = { name: 'Văn phòng Bộ Nội vụ', role: 'unit', unitId: 'BNV' };
      const issued = await call('POST', '/tokens', { secret: admin, body, headers });
      t.equal(issued.statusCode, 201, issued.body);
      const { id, secret } = issued.json();
      t.match(secret, /^ovs_/);
      const replay = await call('POST', '/tokens', { secret: admin, body, headers });
      t.equal(replay.json().id, id);
      t.equal(replay.json().secret, null, 'a replay never shows the secret again');
      const stored = JSON.stringify(await app.ledger.store.readStream('token', id));
      t.notOk(stored.includes(secret), 'the ledger keeps only the digest');

      t.equal((await call('GET', '/units/BNV', { secret })).statusCode, 200);
      const noReason = await call('POST', `/tokens/${id}/revoke`, { secret: admin, body: {} });
      t.equal(noReason.statusCode, 400);
      t.match(noReason.json().issues, [{ path: 'body.reason' }]);
      const revoked = await call('POST', `/tokens/${id}/revoke`, {
        secret: admin,
        body: { reason: 'staff change' },
      });
      t.equal(revoked.statusCode, 200);
      t.equal((await call('GET', '/units/BNV', { secret })).statusCode, 401);
      const twice = await call('POST', `/tokens/${id}/revoke`, { secret: admin, body: { reason: 'again' } });
      t.equal(twice.statusCode, 409);
    });

    t.test('a unit token must name an existing unit; other roles must not', async (t) => {
      const noUnit = await call('POST', '/tokens', { secret: admin, body: { name: 'x', role: 'unit' } });
      t.equal(noUnit.statusCode, 400);
      t.match(noUnit.json().issues, [{ path: 'unitId' }]);
      const unknown = await call('POST', '/tokens', {
        secret: admin,
        body: { name: 'x', role: 'unit', unitId: 'NOPE' },
      });
      t.equal(unknown.statusCode, 404);
      const viewerWithUnit = await call('POST', '/tokens', {
        secret: admin,
        body: { name: 'x', role: 'viewer', unitId: 'BNV' },
      });
      t.equal(viewerWithUnit.statusCode, 400);
    });
  });
}
