import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { defineEvent, EventCatalogue } from '../events/catalogue.js';
import type { NewEvent } from '../src/ledger/types.js';

/** The one event type the benchmark appends: a task noted against a directive's clause. */
export const BENCH_EVENT_TYPE = 'BenchmarkTaskNoted';

const BenchmarkTaskNoted = defineEvent(
  BENCH_EVENT_TYPE,
  z.object({
    directive: z.string().min(1),
    clause: z.string().min(1),
    unit: z.string().min(1),
    title: z.string().min(1),
    deadline: z.iso.date(),
  }),
);

export const benchCatalogue = new EventCatalogue([BenchmarkTaskNoted]);

/** The payload every event (and every raw row) carries: realistic size, Vietnamese text. */
export const BENCH_DATA = Object.freeze({
  directive: '183-KL/TW',
  clause: '3.(1)(i)',
  unit: 'Bộ Nội vụ',
  title: 'Đào tạo công chức cấp xã; xây dựng bộ công cụ đánh giá',
  deadline: '2025-08-31',
});

/** A new event as a command would build it: fresh UUIDv7, actor, role and valid time. */
export function benchEvent(): NewEvent {
  return {
    eventId: uuidv7(),
    type: BENCH_EVENT_TYPE,
    data: BENCH_DATA,
    metadata: { actor: 'bench@oversight.local', role: 'secretariat', occurredAt: new Date() },
  };
}
