import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { type FiledReport, REPORTING_DAY, type ReportingObligation } from '../views/reporting-units.js';
import { inForce } from './documents.js';
import type { Knowledge } from './knowledge.js';

/**
 * The reporting duties known at the knowledge: tasks under the monthly reporting rule, of the
 * units in `scope` when given. Reads a few columns, never whole documents.
 */
export async function readReportingObligations(
  database: Database,
  k: Knowledge,
  scope?: readonly string[],
): Promise<ReportingObligation[]> {
  const query = sql`select t.id, t.unit_id, t.assigned_on::text as assigned_on, t.closed_on::text as closed_on
    from view_tasks t
    where ${inForce(k)}
      ${scope ? sql`and t.unit_id = any(${[...scope]}::text[])` : sql``}
      and t.due_on is null
      and t.varying->'deadline'->>'kind' = 'recurring_monthly'
      and t.varying->'deadline'->>'dayOfMonth' = ${String(REPORTING_DAY)}`;
  const rows = await database.sql.query<{
    id: string;
    unit_id: string;
    assigned_on: string;
    closed_on: string | null;
  }>(query.compile(database.db));
  return rows.map((r) => ({
    taskId: r.id,
    unitId: r.unit_id,
    assignedOn: r.assigned_on,
    closedOn: r.closed_on,
  }));
}

/** The monthly reports filed for `periods` known at the knowledge, of the units in `scope` when given. */
export async function readFiledReports(
  database: Database,
  k: Knowledge,
  periods: readonly string[],
  scope?: readonly string[],
): Promise<FiledReport[]> {
  const query = sql`select t.unit_id, t.period, t.due_on::text as due_on, t.doc->>'filedAt' as filed_at,
      coalesce((t.doc->>'scenario')::boolean, false) as scenario,
      coalesce((t.doc->>'synthetic')::boolean, false) as synthetic
    from view_monthly_reports t
    where ${inForce(k)} and t.period = any(${[...periods]}::text[])
      ${scope ? sql`and t.unit_id = any(${[...scope]}::text[])` : sql``}`;
  const rows = await database.sql.query<{
    unit_id: string;
    period: string;
    due_on: string;
    filed_at: string;
    scenario: boolean;
    synthetic: boolean;
  }>(query.compile(database.db));
  return rows.map((r) => ({
    unitId: r.unit_id,
    period: r.period,
    dueOn: r.due_on,
    filedAt: r.filed_at,
    scenario: r.scenario,
    synthetic: r.synthetic,
  }));
}
