import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unitKinds } from '../../../events/units.js';
import { authorize } from '../../auth/permissions.js';
import { type CommandResult, handleCommand, loadState } from '../../domain/handle-command.js';
import { type UnitCommand, unitDecider } from '../../domain/units/decide.js';
import { mergeUnits, splitUnit } from '../../domain/units/merge.js';
import { headOn, nameOn, type Unit, type UnitStatus } from '../../domain/units/unit.js';
import { NotFoundError } from '../../errors.js';
import { findUnit, listUnits, statusOn, todayInVietnam } from '../../read/units.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { isoDate, paging, readErrors, unitId, writeErrors, writeHeaders } from '../schemas/common.js';
import {
  appointHeadBody,
  dissolveUnitBody,
  mergeUnitsBody,
  registerUnitBody,
  renameUnitBody,
  reorganisationView,
  splitUnitBody,
  unitListItem,
  unitStatus,
  unitView as unitViewSchema,
} from '../schemas/units.js';
import { unitView } from '../views/unit.js';

const tags = ['units'];
const params = z.object({ unitId });

/** The unit register: registration, names, heads, mergers, splits, dissolution; and reads. */
export async function unitRoutes(app: App): Promise<void> {
  const run = (id: string, command: UnitCommand, request: FastifyRequest) => {
    authorize(request.principal, 'units:manage');
    return handleCommand(
      app.ledger,
      unitDecider,
      id,
      command,
      commandContext(request),
      idempotencyOf(request),
    );
  };
  const view = (r: CommandResult<Unit>) => unitView(app.database, r.streamId, r.state, r.version);
  const write = (url: string, summary: string, body: z.ZodType, command: (b: never) => UnitCommand) =>
    app.post(
      url,
      {
        schema: {
          summary,
          tags,
          params,
          headers: writeHeaders,
          body,
          response: { 200: unitViewSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { unitId } = request.params as { unitId: string };
        const outcome = await run(unitId, command(request.body as never), request);
        return sendOutcome(reply, 200, outcome, view);
      },
    );

  app.post(
    '/units',
    {
      schema: {
        summary: 'Register a unit (admin); its code is its id',
        tags,
        headers: writeHeaders,
        body: registerUnitBody,
        response: { 201: unitViewSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'units:manage');
      const { parentId } = request.body;
      if (parentId && !(await findUnit(app.database, parentId))) {
        throw new NotFoundError(`no unit ${parentId}`, {
          issues: [{ path: 'body.parentId', message: 'no such unit' }],
        });
      }
      const outcome = await run(request.body.code, { type: 'RegisterUnit', ...request.body }, request);
      return sendOutcome(reply, 201, outcome, view);
    },
  );

  write(
    '/units/:unitId/rename',
    'Rename a unit from a date (admin); the old name stays in its history',
    renameUnitBody,
    (b: z.infer<typeof renameUnitBody>) => ({ type: 'RenameUnit', ...b }),
  );
  write(
    '/units/:unitId/heads',
    'Appoint the head of a unit from a date (admin)',
    appointHeadBody,
    (b: z.infer<typeof appointHeadBody>) => ({ type: 'AppointHead', ...b }),
  );
  write(
    '/units/:unitId/dissolve',
    'Dissolve a unit without successor (admin)',
    dissolveUnitBody,
    (b: z.infer<typeof dissolveUnitBody>) => ({ type: 'DissolveUnit', ...b }),
  );

  app.post(
    '/units/merge',
    {
      schema: {
        summary: 'Merge units into a successor from a date (admin); their open obligations pass to it',
        tags,
        headers: writeHeaders,
        body: mergeUnitsBody,
        response: { 200: reorganisationView, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'units:manage');
      const outcome = await mergeUnits(
        app.ledger,
        request.body,
        commandContext(request),
        idempotencyOf(request),
      );
      return sendOutcome(reply, 200, outcome, (r) => r);
    },
  );

  app.post(
    '/units/:unitId/split',
    {
      schema: {
        summary:
          'Split a unit into successors from a date (admin); one of them answers for its open obligations',
        tags,
        params,
        headers: writeHeaders,
        body: splitUnitBody,
        response: { 200: reorganisationView, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'units:manage');
      const split = { predecessorId: request.params.unitId, ...request.body };
      const outcome = await splitUnit(app.ledger, split, commandContext(request), idempotencyOf(request));
      return sendOutcome(reply, 200, outcome, (r) => r);
    },
  );

  app.get(
    '/units',
    {
      schema: {
        summary: 'The unit register, by kind, parent and status',
        tags,
        querystring: z.object({
          kind: z.enum(unitKinds).optional(),
          parentId: unitId.optional(),
          topLevel: z.stringbool().optional().describe('only units without a parent'),
          status: unitStatus.optional(),
          ...paging,
        }),
        response: { 200: z.object({ units: z.array(unitListItem) }), ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const { kind, parentId, topLevel, status, limit, offset } = request.query;
      const today = todayInVietnam();
      const rows = await listUnits(
        app.database,
        { kind, parentId: topLevel ? null : parentId, status, limit, offset },
        today,
      );
      return {
        units: rows.map((r) => ({
          id: r.id,
          code: r.code,
          kind: r.kind,
          parentId: r.parent_id,
          nameVi: r.name_vi,
          nameEn: r.name_en,
          status: statusOn(
            {
              status: r.status as Exclude<UnitStatus, 'unregistered'>,
              registeredFrom: r.registered_from,
              endedOn: r.ended_on,
            },
            today,
          ),
          successorId: r.successor_id,
          head:
            r.head_title && r.head_name && r.head_from
              ? { title: r.head_title, personName: r.head_name, from: r.head_from }
              : null,
        })),
      };
    },
  );

  app.get(
    '/units/:unitId',
    {
      schema: {
        summary: 'A unit with its names, heads, mergers and the unit answering for it today',
        tags,
        params,
        response: { 200: unitViewSchema, ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const { state, version } = await loadState(app.ledger, unitDecider, request.params.unitId);
      if (version === 0) throw new NotFoundError(`no unit ${request.params.unitId}`);
      return unitView(app.database, request.params.unitId, state, version);
    },
  );

  app.get(
    '/units/:unitId/head',
    {
      schema: {
        summary: 'Who headed the unit on a date, and under which name the unit went then',
        tags,
        params,
        querystring: z.object({ on: isoDate }),
        response: {
          200: z.object({
            unitId: z.string(),
            on: z.string(),
            name: z
              .object({ nameVi: z.string(), nameEn: z.string().nullable(), from: z.string() })
              .nullable(),
            head: z.object({ title: z.string(), personName: z.string(), from: z.string() }).nullable(),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const { unitId } = request.params;
      const { state, version } = await loadState(app.ledger, unitDecider, unitId);
      if (version === 0) throw new NotFoundError(`no unit ${unitId}`);
      const { on } = request.query;
      return { unitId, on, name: nameOn(state, on), head: headOn(state, on) };
    },
  );
}
