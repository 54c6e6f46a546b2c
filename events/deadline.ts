import { z } from 'zod';

/** A calendar month, YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** Days in a YYYY-MM month (28–31). */
export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

const week = z
  .object({ kind: z.literal('week'), month: monthSchema, week: z.number().int().min(1).max(5) })
  // Week 5 of a 28-day February would start after the month ends.
  .refine((d) => !monthSchema.safeParse(d.month).success || 7 * d.week - 6 <= daysInMonth(d.month), {
    message: 'that month has no such week',
    path: ['week'],
  });

/**
 * A deadline as the directive words it: a date ("by 31 August 2025"), a week of a month ("first
 * week of October 2025": days 1–7), a month ("November 2025"), a recurring day ("by the 25th of
 * every month") or none ("continue to…").
 */
export const deadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.iso.date() }),
  week,
  z.object({ kind: z.literal('month'), month: monthSchema }),
  z.object({ kind: z.literal('recurring_monthly'), dayOfMonth: z.number().int().min(1).max(31) }),
  z.object({ kind: z.literal('none') }),
]);

/** A deadline as the directive words it. */
export type Deadline = z.infer<typeof deadlineSchema>;
