import t from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import { seedTaskId } from '../../seeds/load-facts.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

// On the seeded store: the illustrative shortcoming flagged against Hà Giang, remedied by Tuyên
// Quang on its behalf after the merger, and rejected by the inspection commission with a reason.
const hagFacilities = scenarioShortcomingId('hag-facilities');

interface Event {
  position: number;
  type: string;
  actor: { id: string; name: string | null };
  role: string;
  onBehalfOf: string | null;
  reason: string | null;
  occurredAt: string;
  recordedAt: string;
  hash: string;
  tags: Record<string, unknown>;
  data: Record<string, unknown>;
}

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    await loadSeeds(app.ledger);
    const viewer = (await token('viewer')).secret;
    const get = (url: string, headers?: Record<string, string>) =>
      call('GET', url, { secret: viewer, headers });
    const stored = async (position: number) => {
      const [row] = await app.database.sql.query<{ hash: string }>({
        text: `select encode(hash, 'hex') as hash from events where position = $1`,
        values: [position],
      });
      return row?.hash;
    };

    t.test(
      'a shortcoming’s events: who, in which role, for whom, why, both times, the chain hash',
      async (t) => {
        const res = await get(`/timeline/shortcoming/${hagFacilities}`);
        t.equal(res.statusCode, 200, res.body);
        const view = res.json() as { kind: string; id: string; asOf: { position: number }; events: Event[] };
        t.match(view, { kind: 'shortcoming', id: hagFacilities });
        const events = view.events;
        t.same(
          events.map((e) => e.type),
          [
            'ShortcomingFlagged',
            'RemediationPlanSet',
            'RemediationReported',
            'RemediationRejected',
            'RemediationTargetDateRevised',
          ],
        );
        t.ok(
          events.every((e, i) => i === 0 || e.position > (events[i - 1] as Event).position),
          'in order',
        );
        const [flagged, plan, , rejected] = events as [Event, Event, Event, Event];
        t.match(flagged, {
          role: 'inspection',
          actor: { id: 'seed:scenario', name: 'Oversight seed loader (illustrative scenario)' },
          occurredAt: '2025-06-20T03:00:00.000Z',
          tags: { scenario: true },
          data: { unitId: 'pc-ha-giang', category: 'facilities' },
        });
        t.match(plan, {
          role: 'unit',
          onBehalfOf: 'pc-tuyen-quang-2025',
          occurredAt: '2025-07-10T03:00:00.000Z',
        });
        t.match(rejected, {
          role: 'inspection',
          reason: 'Two communes still without equipment (illustrative).',
        });
        t.ok(
          new Date(flagged.recordedAt).getTime() > new Date(flagged.occurredAt).getTime(),
          'recorded long after',
        );
        for (const e of events) {
          t.match(e.hash, /^[0-9a-f]{64}$/);
          t.equal(e.hash, await stored(e.position), `the stored chain value at ${e.position}`);
        }
        t.equal(new Set(events.map((e) => e.hash)).size, events.length);
      },
    );

    t.test('as of an earlier position later events do not exist; before the first, a 404', async (t) => {
      const events = (await get(`/timeline/shortcoming/${hagFacilities}`)).json().events as Event[];
      const second = events[1] as Event;
      const then = (await get(`/timeline/shortcoming/${hagFacilities}?asOf=${second.position}`)).json();
      t.equal(then.asOf.position, second.position);
      t.same(
        then.events.map((e: Event) => e.type),
        ['ShortcomingFlagged', 'RemediationPlanSet'],
      );
      const before = await get(
        `/timeline/shortcoming/${hagFacilities}?asOf=${(events[0] as Event).position - 1}`,
      );
      t.equal(before.statusCode, 404);
    });

    t.test('validAt keeps what had happened by the end of that day, as known now', async (t) => {
      const onThe10th = (await get(`/timeline/shortcoming/${hagFacilities}?validAt=2025-07-10`)).json();
      t.equal(onThe10th.validAt, '2025-07-10');
      t.same(
        onThe10th.events.map((e: Event) => e.type),
        ['ShortcomingFlagged', 'RemediationPlanSet'],
        'the plan set on 2025-07-10 at 10:00 in Vietnam counts; what came later does not',
      );
      const onThe9th = (await get(`/timeline/shortcoming/${hagFacilities}?validAt=2025-07-09`)).json();
      t.same(
        onThe9th.events.map((e: Event) => e.type),
        ['ShortcomingFlagged'],
      );
      const csv = (await get(`/timeline/shortcoming/${hagFacilities}?validAt=2025-07-09&format=csv`)).body;
      t.equal(csv.trim().split('\r\n').length, 2, 'the CSV too: a header and one event');
      const before = (await get(`/timeline/shortcoming/${hagFacilities}?validAt=2025-06-01`)).json();
      t.same(before.events, [], 'before it was flagged, nothing had happened to it yet');
    });

    t.test('tasks, units and directives (its own stream) have timelines too', async (t) => {
      const task = (await get(`/timeline/task/${seedTaskId('183-KL/TW', '3.(2)', 'BTP')}`)).json();
      t.equal(task.events[0].type, 'TaskAssigned');
      t.ok(task.events.some((e: Event) => e.type === 'TaskCompletionReturned' && e.reason));
      const unit = (await get('/timeline/unit/pc-ha-giang')).json();
      t.equal(unit.events[0].type, 'UnitRegistered');
      t.ok(unit.events.some((e: Event) => e.type === 'UnitMergedInto'));
      const directive = await get('/timeline/directive/183-KL%2FTW');
      t.equal(directive.statusCode, 200, directive.body);
      t.equal(directive.json().events[0].type, 'DirectiveIssued');
      t.ok(
        directive.json().events.every((e: Event) => !e.type.startsWith('Task')),
        'only its own stream',
      );
    });

    t.test('CSV with a byte order mark', async (t) => {
      const csv = await get(`/timeline/shortcoming/${hagFacilities}`, { accept: 'text/csv' });
      t.equal(csv.statusCode, 200);
      t.match(csv.headers['content-type'], /^text\/csv/);
      t.match(csv.headers['content-disposition'], /timeline-shortcoming-/);
      t.ok(
        csv.body.startsWith(
          '\uFEFFposition,stream_version,type,occurred_at,recorded_at,actor,actor_name,role',
        ),
      );
      t.equal(csv.body.trim().split('\r\n').length, 6);
      const directive = await get('/timeline/directive/183-KL%2FTW?format=csv');
      t.equal(directive.statusCode, 200);
      t.match(directive.headers['content-disposition'], /timeline-directive-183-KL_TW\.csv/);
    });

    t.test('404 for a stream without events, 400 for an unknown kind', async (t) => {
      t.equal((await get('/timeline/task/no-such-task')).statusCode, 404);
      t.equal((await get('/timeline/unit/nowhere')).statusCode, 404);
      t.equal((await get('/timeline/token/x')).statusCode, 400);
      t.equal((await call('GET', `/timeline/shortcoming/${hagFacilities}`)).statusCode, 401);
    });
  });
}
