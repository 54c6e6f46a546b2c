import { sql } from 'kysely';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { eventually } from '../helpers/eventually.js';
import { tamper } from '../helpers/ledger.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { storage, drop } = await backend.open();
    const app = await buildApp({ storage, catalogue: testCatalogue });
    t.teardown(async () => {
      await app.close();
      await drop();
    });

    t.test('GET /health says the database answers', async (t) => {
      const res = await app.inject({ method: 'GET', url: '/health' });
      t.equal(res.statusCode, 200);
      t.equal(res.json().status, 'ok');
    });

    t.test('GET /ledger/head seals and returns a head a meeting can pin; verify checks it', async (t) => {
      for (const unit of ['Bộ Nội vụ', 'Bộ Tư pháp']) {
        await app.ledger.write([toStream(unit, 'no_stream', taskAssigned(unit))], () => null);
      }
      const head = await eventually(
        async () => (await app.inject({ method: 'GET', url: '/ledger/head' })).json(),
        (h) => h.eventCount >= 2,
      );
      t.equal(head.eventCount, 2);
      t.match(head.hash, /^[0-9a-f]{64}$/);
      const pinned = await app.inject({
        method: 'GET',
        url: `/ledger/verify?position=${head.position}&hash=${head.hash}`,
      });
      t.equal(pinned.statusCode, 200);
      t.equal(pinned.json().ok, true);
      const bad = await app.inject({ method: 'GET', url: '/ledger/verify?position=abc' });
      t.equal(bad.statusCode, 400);
      t.match(bad.json().issues[0].path, /position/);
    });

    t.test('GET /ledger/verify answers 409 with the first position that does not match', async (t) => {
      await tamper(
        app.database,
        sql`update events set data = jsonb_set(data, '{deadline}', '"2025-12-31"') where position = 1`,
      );
      const res = await app.inject({ method: 'GET', url: '/ledger/verify' });
      t.equal(res.statusCode, 409);
      t.equal(res.json().firstMismatch.position, 1);
    });

    t.test('the OpenAPI document is generated from the same schemas', async (t) => {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      t.equal(res.statusCode, 200);
      t.ok(
        res.json().paths['/ledger/verify'].get.parameters.some((p: { name: string }) => p.name === 'hash'),
      );
    });
  });
}
