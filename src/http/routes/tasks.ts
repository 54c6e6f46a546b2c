import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, authorizeForUnit, type Permission } from '../../auth/permissions.js';
import { directiveDecider } from '../../domain/directives/decide.js';
import { handleCommand, loadState } from '../../domain/handle-command.js';
import { type TaskCommand, taskDecider } from '../../domain/tasks/decide.js';
import { NotFoundError } from '../../errors.js';
import { answeringUnit } from '../../read/units.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf, occurredAtOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { readErrors, writeErrors, writeHeaders } from '../schemas/common.js';
import {
  acknowledgeTaskBody,
  cancelTaskBody,
  confirmCompletionBody,
  endTaskBody,
  extendDeadlineBody,
  reportCompletionBody,
  reportProgressBody,
  returnCompletionBody,
  supersedeTaskBody,
  taskId,
  taskView as taskViewSchema,
} from '../schemas/tasks.js';
import { taskView } from '../views/task.js';

const tags = ['tasks'];
const params = z.object({ taskId });

/**
 * Who may take an action: `unit` for the lead unit's own actions (a unit token within its
 * subtree for the unit answering for the task today, or the secretariat on its behalf), else the
 * permission it needs.
 */
type Actor = 'unit' | Permission;

type Body = { occurredAt?: string } | null | undefined;

/** A task's lifecycle over HTTP: the lead unit's actions, review, and the secretariat's decisions. */
export async function taskRoutes(app: App): Promise<void> {
  const notFound = (id: string) => new NotFoundError(`no task ${id}`, { streamType: 'task', streamId: id });

  /** Checks the caller's right; returns the unit the action is recorded on behalf of. */
  const authorizeFor = async (request: FastifyRequest, id: string, actor: Actor): Promise<string | null> => {
    if (actor !== 'unit') {
      authorize(request.principal, actor);
      return null;
    }
    // Refuse a role without the right before saying whether the task exists.
    authorize(request.principal, 'unit:act');
    const { state, version } = await loadState(app.ledger, taskDecider, id);
    if (version === 0 || !state.leadUnitId) throw notFound(id);
    const answering = await answeringUnit(app.database, state.leadUnitId);
    return authorizeForUnit(app.database, request.principal, answering.id);
  };

  const action = <B extends z.ZodType<Body>>(
    name: string,
    summary: string,
    actor: Actor,
    body: B,
    command: (b: NonNullable<z.infer<B>>) => TaskCommand | Promise<TaskCommand>,
  ) =>
    app.post(
      `/tasks/:taskId/${name}`,
      {
        schema: {
          summary,
          tags,
          params,
          headers: writeHeaders,
          body,
          response: { 200: taskViewSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { taskId } = request.params as { taskId: string };
        const given = (request.body ?? {}) as NonNullable<z.infer<B>>;
        const onBehalfOf = await authorizeFor(request, taskId, actor);
        const occurredAt = occurredAtOf(request, given.occurredAt);
        const outcome = await handleCommand(
          app.ledger,
          taskDecider,
          taskId,
          { ...(await command(given)), occurredAt },
          commandContext(request, onBehalfOf),
          idempotencyOf(request),
        );
        return sendOutcome(reply, 200, outcome, (r) =>
          taskView(app.database, app.ledger, r.streamId, r.version),
        );
      },
    );

  app.get(
    '/tasks/:taskId',
    {
      schema: {
        summary:
          'A task as it stands: the unit answering for it today, its deadline and due date, its history',
        tags,
        params,
        response: { 200: taskViewSchema, ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      return taskView(app.database, app.ledger, request.params.taskId);
    },
  );

  // The lead unit's own actions.
  action('acknowledge', 'The lead unit takes the task on', 'unit', acknowledgeTaskBody, (b) => ({
    type: 'AcknowledgeTask',
    note: b.note,
  }));
  action('progress', 'The lead unit reports how far it has got', 'unit', reportProgressBody, (b) => ({
    type: 'ReportTaskProgress',
    narrative: b.narrative,
    percent: b.percent,
  }));
  action(
    'completion',
    'The lead unit reports the task done, with evidence (document code, URL or file hash)',
    'unit',
    reportCompletionBody,
    (b) => ({ type: 'ReportTaskCompletion', summary: b.summary, evidence: b.evidence }),
  );

  // Review of a reported completion.
  action(
    'confirm-completion',
    'Accept the reported completion (inspection)',
    'tasks:review',
    confirmCompletionBody,
    (b) => ({ type: 'ConfirmTaskCompletion', note: b.note }),
  );
  action(
    'return-completion',
    'Send the reported completion back, with the reason (inspection)',
    'tasks:review',
    returnCompletionBody,
    (b) => ({ type: 'ReturnTaskCompletion', reason: b.reason, note: b.note }),
  );

  // The secretariat's decisions; each needs a reason.
  action(
    'extend',
    'Grant a later deadline (secretariat); the original stays, with who granted it and why',
    'tasks:manage',
    extendDeadlineBody,
    (b) => ({
      type: 'ExtendTaskDeadline',
      newDeadline: b.newDeadline,
      grantedBy: b.grantedBy,
      reason: b.reason,
    }),
  );
  action('end', 'End the task on a date, done or not (secretariat)', 'tasks:manage', endTaskBody, (b) => ({
    type: 'EndTask',
    endedOn: b.endedOn,
    reason: b.reason,
  }));
  action('cancel', 'Withdraw the task (secretariat)', 'tasks:manage', cancelTaskBody, (b) => ({
    type: 'CancelTask',
    reason: b.reason,
  }));
  action(
    'supersede',
    'A later directive takes the task over (secretariat)',
    'tasks:manage',
    supersedeTaskBody,
    async (b) => {
      const { version } = await loadState(app.ledger, directiveDecider, b.byDirectiveCode);
      if (version === 0) {
        throw new NotFoundError(`no directive ${b.byDirectiveCode}`, {
          issues: [{ path: 'body.byDirectiveCode', message: 'no such directive' }],
        });
      }
      return { type: 'SupersedeTask', byDirectiveCode: b.byDirectiveCode, reason: b.reason };
    },
  );
}
