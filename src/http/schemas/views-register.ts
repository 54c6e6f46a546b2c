import { z } from 'zod';
import { shortcomingCategories, shortcomingSeverities } from '../../../events/shortcomings.js';
import { registerSortKeys, shortcomingStatuses } from '../../views/register.js';
import { viewQuery } from '../view-clock.js';
import { unitId } from './common.js';

// A repeated query key arrives as an array, a single one as a string: accept both.
const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).optional();
const flag = z.enum(['true', 'false']);

/** The query of the shortcomings register. */
export const registerQuery = viewQuery
  .extend({
    unitId: unitId
      .optional()
      .describe('a unit: its shortcomings, those of the units under it and of units merged into them'),
    includeSubunits: flag
      .default('true')
      .describe('false: the unit alone (with the units merged into it), not the units under it'),
    status: oneOrMore(z.enum(shortcomingStatuses)).describe('one or more statuses (repeat the key)'),
    category: oneOrMore(z.enum(shortcomingCategories)),
    severity: oneOrMore(z.enum(shortcomingSeverities)),
    official: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'who answers personally on the view’s day (the official named, else the answering unit’s head), by name, exactly',
      ),
    overdue: flag.optional().describe('true: open, with the remedy date passed at `now`'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(registerSortKeys).default('flaggedOn'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

/** The query of the inspection queue. */
export const queueQuery = viewQuery
  .extend({
    unitId: unitId.optional().describe('a unit: its items, those under it and of units merged into them'),
    inspectionUnitId: unitId.optional().describe('one inspection commission’s shortcomings'),
  })
  .strict();

/** How every view says what it answered from. */
export const clockStampSchema = {
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
};

const namedUnit = z.object({ id: z.string(), name: z.string() });
const official = z.object({ title: z.string(), personName: z.string(), since: z.string() });

/** One line of the register. */
export const registerRowSchema = z.object({
  id: z.string(),
  category: z.string(),
  severity: z.string(),
  status: z.string(),
  description: z.string(),
  flaggedOn: z.string(),
  targetDate: z.string().nullable(),
  originalTargetDate: z.string().nullable().describe('the first committed date, once revised'),
  targetRevisions: z.number(),
  rejections: z.number(),
  recurrenceOf: z.string().nullable(),
  accountableOfficial: official.nullable().describe('the official last named for it'),
  answeringOfficial: official
    .extend({ source: z.enum(['named', 'head']) })
    .nullable()
    .describe(
      'who answers personally on the view’s day: the official named while its answering unit answers, else that unit’s head; for a closed one, whoever answered last',
    ),
  flaggedAgainst: namedUnit.describe('the unit named in the supervision report'),
  answeringUnit: namedUnit.describe('the unit answering for it (a successor after a merger)'),
  inspectionUnit: namedUnit,
  report: z.object({ title: z.string(), documentCode: z.string().nullable(), date: z.string() }),
  overdue: z.boolean(),
  scenario: z.boolean().describe('from the illustrative scenario'),
  synthetic: z.boolean().describe('from the synthetic data set'),
});

/** The register's answer. */
export const registerAnswer = z.object({
  ...clockStampSchema,
  unit: namedUnit.extend({ includeSubunits: z.boolean() }).nullable(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pages: z.number(),
  rows: z.array(registerRowSchema),
});

const taskRow = z.object({
  kind: z.literal('task'),
  id: z.string(),
  directiveCode: z.string(),
  clauseReference: z.string(),
  description: z.string(),
  status: z.string(),
  dueOn: z.string().nullable(),
  returns: z.number(),
  lastReturnedOn: z.string(),
  lastReturnReason: z.string().nullable(),
  leadUnit: namedUnit,
  answeringUnit: namedUnit,
  overdue: z.boolean(),
  scenario: z.boolean(),
  synthetic: z.boolean(),
});

/** The inspection queue's answer. */
export const queueAnswer = z.object({
  ...clockStampSchema,
  unit: namedUnit.nullable(),
  inspectionUnit: namedUnit.nullable(),
  counts: z.object({
    awaitingVerification: z.number(),
    overdue: z.number(),
    returned: z.number(),
    recurrences: z.number(),
  }),
  awaitingVerification: z.array(registerRowSchema.extend({ remediationReportedOn: z.string().nullable() })),
  overdue: z.array(registerRowSchema),
  returned: z.array(
    z.union([
      registerRowSchema.extend({
        kind: z.literal('shortcoming'),
        lastRejectedOn: z.string(),
        lastRejectionReason: z.string().nullable(),
      }),
      taskRow,
    ]),
  ),
  recurrences: z.array(
    registerRowSchema.extend({
      earlier: z.object({
        id: z.string(),
        status: z.string().nullable(),
        flaggedOn: z.string().nullable(),
        unit: namedUnit.nullable(),
      }),
    }),
  ),
});
