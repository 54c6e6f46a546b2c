import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, authorizeForCommission, authorizeForUnit } from '../../auth/permissions.js';
import { type CommandResult, handleCommand, loadState } from '../../domain/handle-command.js';
import { type ShortcomingCommand, shortcomingDecider } from '../../domain/shortcomings/decide.js';
import { flagShortcoming } from '../../domain/shortcomings/flag.js';
import type { Shortcoming } from '../../domain/shortcomings/shortcoming.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { answeringUnit, findUnit } from '../../read/units.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf, occurredAtOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { readErrors, writeErrors, writeHeaders } from '../schemas/common.js';
import {
  accountableOfficialBody,
  closeNotImplementedBody,
  dismissBody,
  flagShortcomingBody,
  progressBody,
  rejectBody,
  remediationBody,
  remediationPlanBody,
  reviseTargetDateBody,
  shortcomingId,
  shortcomingView as shortcomingViewSchema,
  verifyBody,
} from '../schemas/shortcomings.js';
import { isScenario, shortcomingView } from '../views/shortcoming.js';

const tags = ['shortcomings'];
const params = z.object({ shortcomingId });

/**
 * Who may take an action on a shortcoming: the unit answering for it (a unit token within its
 * subtree, the secretariat on its behalf), the inspection commission, or either.
 */
type Actor = 'unit' | 'inspection' | 'unit or inspection';

type Body = { occurredAt?: string };
type Action = Exclude<ShortcomingCommand, { type: 'FlagShortcoming' | 'RecordRecurrence' }>;
type Command<T extends Action['type']> = Omit<Extract<Action, { type: T }>, 'type' | 'occurredAt'>;

/** Shortcomings named in supervision reports: flagged, remedied by the unit, judged by inspection. */
export async function shortcomingRoutes(app: App): Promise<void> {
  const load = async (id: string) => {
    const loaded = await loadState(app.ledger, shortcomingDecider, id);
    if (loaded.version === 0) throw new NotFoundError(`no shortcoming ${id}`);
    return loaded;
  };
  const view = async (r: CommandResult<Shortcoming>) => ({
    ...(await shortcomingView(app.database, r.streamId, r.state, r.version)),
    scenario: await isScenario(app.ledger, 'shortcoming', r.streamId),
  });

  // The unit recorded as acting: the one answering for the shortcoming today, so that after a
  // merger the successor's token acts and the predecessor's no longer does.
  const authorizeAction = async (request: FastifyRequest, id: string, actor: Actor) => {
    const { principal } = request;
    if (actor === 'inspection') {
      authorize(principal, 'shortcomings:review');
      authorizeForCommission(principal, (await load(id)).state.inspectionUnitId as string);
      return null;
    }
    const others = actor === 'unit' ? [] : (['shortcomings:review'] as const);
    authorize(principal, 'unit:act', ...others);
    const { state } = await load(id);
    authorizeForCommission(principal, state.inspectionUnitId as string);
    const answering = await answeringUnit(app.database, state.unitId as string);
    return authorizeForUnit(app.database, principal, answering.id, ...others);
  };

  const action = <T extends Action['type'], B extends z.ZodObject>(
    path: string,
    type: T,
    actor: Actor,
    summary: string,
    body: B,
    command: (b: z.output<B>) => Command<T>,
  ) =>
    app.post(
      `/shortcomings/:shortcomingId/${path}`,
      {
        schema: {
          summary,
          tags,
          params,
          headers: writeHeaders,
          body,
          response: { 200: shortcomingViewSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { shortcomingId: id } = request.params;
        const b = request.body as z.output<B> & Body;
        const onBehalfOf = await authorizeAction(request, id, actor);
        const outcome = await handleCommand(
          app.ledger,
          shortcomingDecider,
          id,
          { ...command(b), type, occurredAt: occurredAtOf(request, b.occurredAt) } as Action,
          commandContext(request, onBehalfOf),
          idempotencyOf(request),
        );
        return sendOutcome(reply, 200, outcome, view);
      },
    );

  app.post(
    '/shortcomings',
    {
      schema: {
        summary:
          'Flag a shortcoming named in a supervision report (inspection); the accountable official defaults to the unit’s head',
        tags,
        headers: writeHeaders,
        body: flagShortcomingBody,
        response: { 201: shortcomingViewSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'shortcomings:flag');
      const { occurredAt, accountableOfficial, recurrenceOf, ...flag } = request.body;
      const unit = await findUnit(app.database, flag.unitId);
      if (!unit) {
        throw new NotFoundError(`no unit ${flag.unitId}`, {
          issues: [{ path: 'body.unitId', message: 'no such unit' }],
        });
      }
      const inspection = await findUnit(app.database, flag.inspectionUnitId);
      if (!inspection) {
        throw new NotFoundError(`no unit ${flag.inspectionUnitId}`, {
          issues: [{ path: 'body.inspectionUnitId', message: 'no such unit' }],
        });
      }
      if (inspection.kind !== 'inspection_commission') {
        throw new ValidationError('only an inspection commission names shortcomings', [
          { path: 'body.inspectionUnitId', message: `is a ${inspection.kind}, not an inspection_commission` },
        ]);
      }
      authorizeForCommission(request.principal, inspection.id);
      if (recurrenceOf && (await loadState(app.ledger, shortcomingDecider, recurrenceOf)).version === 0) {
        throw new NotFoundError(`no shortcoming ${recurrenceOf}`, {
          issues: [{ path: 'body.recurrenceOf', message: 'no such shortcoming' }],
        });
      }
      const head =
        unit.head_title && unit.head_name ? { title: unit.head_title, personName: unit.head_name } : null;
      const context = commandContext(request);
      const outcome = await flagShortcoming(
        app.ledger,
        context.newId(),
        {
          type: 'FlagShortcoming',
          ...flag,
          accountableOfficial: accountableOfficial === undefined ? head : accountableOfficial,
          recurrenceOf: recurrenceOf ?? null,
          occurredAt: occurredAtOf(request, occurredAt),
        },
        context,
        idempotencyOf(request),
      );
      return sendOutcome(reply, 201, outcome, (r) =>
        shortcomingView(app.database, r.shortcomingId, r.state, r.version),
      );
    },
  );

  app.get(
    '/shortcomings/:shortcomingId',
    {
      schema: {
        summary: 'A shortcoming as it stands, with the unit answering for it today',
        tags,
        params,
        response: { 200: shortcomingViewSchema, ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const id = request.params.shortcomingId;
      const { state, version } = await load(id);
      return view({ streamId: id, state, version, positions: [] });
    },
  );

  action(
    'remediation-plan',
    'SetRemediationPlan',
    'unit',
    'Commit to a remedy and a completion date (the unit answering for it)',
    remediationPlanBody,
    (b) => ({ plan: b.plan, targetDate: b.targetDate }),
  );
  action(
    'target-date',
    'ReviseRemediationTargetDate',
    'unit',
    'Move the completion date, with a reason; the original date stays on record (the unit)',
    reviseTargetDateBody,
    (b) => ({ targetDate: b.targetDate, reason: b.reason }),
  );
  action(
    'progress',
    'ReportRemediationProgress',
    'unit',
    'Report interim progress on the remedy (the unit)',
    progressBody,
    (b) => ({ narrative: b.narrative, percent: b.percent ?? null }),
  );
  action(
    'remediation',
    'ReportRemediation',
    'unit',
    'Report the remedy done, with evidence (the unit); the inspection commission then judges it',
    remediationBody,
    (b) => ({ summary: b.summary, evidence: b.evidence }),
  );
  action(
    'accountable-official',
    'AssignAccountableOfficial',
    'unit or inspection',
    'Name who answers personally for the remedy (the unit or inspection)',
    accountableOfficialBody,
    (b) => ({ title: b.title, personName: b.personName }),
  );
  action(
    'verify',
    'VerifyRemediation',
    'inspection',
    'Accept the remedy: closed as implemented (inspection)',
    verifyBody,
    (b) => ({ note: b.note ?? null }),
  );
  action(
    'reject',
    'RejectRemediation',
    'inspection',
    'Do not accept the remedy, with a reason: back to in progress (inspection)',
    rejectBody,
    (b) => ({ reason: b.reason, note: b.note ?? null }),
  );
  action(
    'close-not-implemented',
    'CloseNotImplemented',
    'inspection',
    'Close without the remedy carried out, with a reason (inspection)',
    closeNotImplementedBody,
    (b) => ({ reason: b.reason }),
  );
  action(
    'dismiss',
    'DismissShortcoming',
    'inspection',
    'Withdraw it as not a shortcoming after all, with the justification (inspection)',
    dismissBody,
    (b) => ({ reason: b.reason }),
  );
}
