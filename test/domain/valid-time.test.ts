import t from 'tap';
import { deadlineOf } from '../../src/domain/monthly-reports/filing-status.js';
import { startOfDayInVietnam, startOfDayInVietnamMs } from '../../src/domain/valid-time.js';

t.test(
  'a day begins at midnight in Vietnam: 17:00 UTC the day before (the merger, 2025-07-01)',
  async (t) => {
    t.equal(startOfDayInVietnam('2025-07-01').toISOString(), '2025-06-30T17:00:00.000Z');
    t.equal(startOfDayInVietnamMs('2025-07-01'), Date.parse('2025-06-30T17:00:00Z'));
  },
);

t.test(
  'a remembered day is handed out as a new Date each time, so no caller can move it for another',
  async (t) => {
    const first = startOfDayInVietnam('2025-09-25');
    first.setUTCFullYear(1999);
    t.equal(startOfDayInVietnam('2025-09-25').toISOString(), '2025-09-24T17:00:00.000Z');
  },
);

t.test('a monthly report due on the 25th is late from midnight after the 25th, Vietnam time', async (t) => {
  t.equal(deadlineOf('2025-09-25').toISOString(), '2025-09-25T17:00:00.000Z');
});

t.test('a string that is not a date stays not a date, asked once or many times', async (t) => {
  for (let i = 0; i < 3; i++) {
    t.ok(Number.isNaN(startOfDayInVietnamMs('not-a-date')));
    t.ok(Number.isNaN(startOfDayInVietnam('2025-13-45').getTime()));
  }
});

t.test('thousands of different days are all answered right past the memory bound', async (t) => {
  const base = Date.parse('2000-01-01T00:00:00Z');
  for (let d = 0; d < 6000; d += 1) {
    const day = new Date(base + d * 86_400_000).toISOString().slice(0, 10);
    if (startOfDayInVietnamMs(day) !== base + d * 86_400_000 - 7 * 3_600_000) {
      t.fail(`day ${day}`);
      return;
    }
  }
  t.pass('6,000 days, each at 17:00 UTC the day before');
});
