import { sql } from 'kysely';
import type { DirectiveDocument } from '../../projections/views/directives.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import type { DirectiveHeading, TaskTallyLine } from '../views/directive-progress.js';
import { inForce, readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** A directive as known at the knowledge, if it was. */
export async function readDirective(
  database: Database,
  k: Knowledge,
  code: string,
): Promise<DirectiveDocument | undefined> {
  const [doc] = await readDocuments<DirectiveDocument>(database, 'view_directives', k, {
    where: [sql`t.id = ${code}`],
  });
  return doc;
}

/** The tasks of a directive as known at the knowledge (indexed by directive code). */
export function readDirectiveTasks(database: Database, k: Knowledge, code: string): Promise<TaskDocument[]> {
  return readDocuments<TaskDocument>(database, 'view_tasks', k, { where: [sql`t.directive_code = ${code}`] });
}

/** Every directive known at the knowledge, without its clauses (a group clause lists thousands of task ids). */
export async function readDirectiveHeadings(database: Database, k: Knowledge): Promise<DirectiveHeading[]> {
  const query = sql`select t.doc - 'clauses' as doc, jsonb_array_length(t.doc->'clauses') as clauses
    from view_directives t where ${inForce(k)} order by t.issued_on, t.id`;
  const rows = await database.sql.query<{ doc: Omit<DirectiveDocument, 'clauses'>; clauses: number }>(
    query.compile(database.db),
  );
  return rows.map((r) => ({ ...r.doc, clauseCount: Number(r.clauses) }));
}

/**
 * Every task known at the knowledge as tally lines: grouped by what decides its standing
 * (directive, status, due and completion days) when today's statuses are wanted; one line per
 * task assigned by then, with its transitions, when a past day's are (`validAt`).
 */
export async function readTaskTallies(
  database: Database,
  k: Knowledge,
  validAt: string | null,
): Promise<(TaskTallyLine & { directiveCode: string })[]> {
  const query = validAt
    ? sql`select t.directive_code, t.status, t.due_on::text as due_on, t.completed_on::text as completed_on,
          t.varying->'transitions' as transitions, 1 as n
        from view_tasks t where ${inForce(k)} and t.assigned_on <= ${validAt}::date`
    : sql`select t.directive_code, t.status, t.due_on::text as due_on, t.completed_on::text as completed_on,
          '[]'::jsonb as transitions, count(*)::int as n
        from view_tasks t where ${inForce(k)}
        group by t.directive_code, t.status, t.due_on, t.completed_on`;
  const rows = await database.sql.query<{
    directive_code: string;
    status: string;
    due_on: string | null;
    completed_on: string | null;
    transitions: TaskTallyLine['transitions'];
    n: number;
  }>(query.compile(database.db));
  return rows.map((r) => ({
    directiveCode: r.directive_code,
    status: r.status,
    dueOn: r.due_on,
    completedOn: r.completed_on,
    transitions: r.transitions,
    n: Number(r.n),
  }));
}
