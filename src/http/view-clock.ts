import { z } from 'zod';
import type { Database } from '../db/database.js';
import { deadlineOf } from '../domain/monthly-reports/filing-status.js';
import { ValidationError } from '../errors.js';
import { type Knowledge, knowledgeAsOf } from '../read/knowledge.js';

/** The query every view takes: as of when it is known, on which day, against which clock. */
export const viewQuery = z.object({
  asOf: z
    .string()
    .optional()
    .describe(
      'A ledger position or an ISO timestamp: the view exactly as it was known then (events recorded later do not exist for it)',
    ),
  validAt: z.iso
    .date()
    .optional()
    .describe('A day (YYYY-MM-DD): the state on that day in Vietnam, with everything known as of asOf'),
  now: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      'The clock overdue, due soon and late are computed against (default: the end of validAt, else the asOf time, else now)',
    ),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('csv: UTF-8 with a byte order mark, for spreadsheet programs'),
});

/** The view query as parsed. */
export type ViewQuery = z.infer<typeof viewQuery>;

/** What a view answers from: its knowledge, its clock, and the day it describes, if any. */
export interface ViewClock {
  knowledge: Knowledge;
  now: Date;
  validAt: string | null;
}

/** Resolves a view query's asOf, validAt and now. */
export async function viewClock(database: Database, query: ViewQuery): Promise<ViewClock> {
  const knowledge = await knowledgeAsOf(database.sql, query.asOf);
  const validAt = query.validAt ?? null;
  const now = query.now
    ? new Date(query.now)
    : validAt
      ? new Date(deadlineOf(validAt).getTime() - 1)
      : knowledge.current
        ? new Date()
        : knowledge.recordedAt;
  if (Number.isNaN(now.getTime())) {
    throw new ValidationError('now is not a time', [
      { path: 'querystring.now', message: 'an ISO timestamp' },
    ]);
  }
  return { knowledge, now, validAt };
}

/** How a view states what it answered from, in every JSON answer. */
export function clockStamp(clock: ViewClock) {
  return {
    asOf: { position: clock.knowledge.position, recordedAt: clock.knowledge.recordedAt.toISOString() },
    validAt: clock.validAt,
    now: clock.now.toISOString(),
  };
}
