import { z } from 'zod';
import { viewQuery } from '../view-clock.js';
import { unitId } from './common.js';

/** How every view says what it answered from. */
const stamp = {
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
};

const provenance = {
  scenario: z.boolean().describe('from the illustrative scenario'),
  synthetic: z.boolean().describe('from the synthetic data set'),
};

const term = z.object({ title: z.string(), personName: z.string(), since: z.string() });

/** Who answered personally: named for the item, or the answering unit's head. */
const answerer = term.extend({ source: z.enum(['named', 'head']) });

/** The accountability views take the view query only. */
export const accountabilityQuery = viewQuery.strict();

/** The officials list: by name and within a unit's scope, paged (the CSV export has every line). */
export const officialsQuery = viewQuery
  .extend({
    name: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'part of the official’s name; case and diacritics do not matter ("ha giang" finds "Hà Giang")',
      ),
    unitId: unitId
      .optional()
      .describe('a unit: officials answering for its items, those under it and of units merged into them'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const taskLine = z.object({
  id: z.string(),
  directiveCode: z.string(),
  clauseReference: z.string(),
  description: z.string(),
  status: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  ...provenance,
});

const shortcomingLine = z.object({
  id: z.string(),
  category: z.string(),
  severity: z.string(),
  description: z.string(),
  status: z.string(),
  flaggedOn: z.string(),
  targetDate: z.string().nullable(),
  remediationOverdue: z.boolean(),
  official: answerer.nullable().describe('who answers for it personally on the day'),
  ...provenance,
});

/** What a unit answers for. */
export const unitAccountabilityAnswer = z.object({
  ...stamp,
  unit: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string(),
    status: z.string(),
    endedOn: z.string().nullable(),
  }),
  head: term.nullable().describe('the head in office on the day'),
  answeringUnitId: z
    .string()
    .describe('who answers for its obligations on the day: itself, or its successor'),
  totals: z.object({
    tasks: z.number(),
    overdueTasks: z.number(),
    shortcomings: z.number(),
    overdueRemediations: z.number(),
  }),
  own: z.object({ tasks: z.array(taskLine), shortcomings: z.array(shortcomingLine) }),
  inherited: z
    .array(
      z.object({
        predecessorId: z.string(),
        predecessorName: z.string(),
        mergedOn: z.string().nullable().describe('the day its obligations passed on'),
        how: z.string().describe('merged or split'),
        tasks: z.array(taskLine),
        shortcomings: z.array(shortcomingLine),
      }),
    )
    .describe('obligations taken over from each predecessor'),
});

/** The officials answering for something. */
export const officialsAnswer = z.object({
  ...stamp,
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  officials: z.array(
    z.object({
      personName: z.string(),
      title: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      isHead: z.boolean(),
      tasks: z.number(),
      overdueTasks: z.number(),
      shortcomings: z.number(),
      overdueRemediations: z.number(),
    }),
  ),
  unanswered: z
    .object({ tasks: z.number(), shortcomings: z.number() })
    .describe('obligations of answering units with no head on record and nobody named'),
});

/** The item whose answerers are asked for. */
export const itemParams = z.object({ kind: z.enum(['task', 'shortcoming']), id: z.string().min(1).max(200) });

/** Who answered for an item when. */
export const itemAnswerersAnswer = z.object({
  ...stamp,
  kind: z.enum(['task', 'shortcoming']),
  id: z.string(),
  unit: z
    .object({ id: z.string(), name: z.string() })
    .describe('the unit it was assigned to or flagged against'),
  status: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  answeringNow: z.number().nullable().describe('the index of the span answering on the day, if any'),
  spans: z.array(
    z.object({
      from: z.string(),
      until: z.string().nullable().describe('exclusive; null while it lasts'),
      unitId: z.string(),
      unitName: z.string(),
      official: answerer.nullable(),
    }),
  ),
  ...provenance,
});
