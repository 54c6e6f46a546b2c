import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MonthlyReportEvent } from '../../../events/monthly-reports.js';
import { authorize, authorizeForUnit } from '../../auth/permissions.js';
import { type CommandResult, handleCommand } from '../../domain/handle-command.js';
import { type MonthlyReportCommand, monthlyReportDecider } from '../../domain/monthly-reports/decide.js';
import {
  type MonthlyReport,
  monthlyReportStreamId,
  type ReportDocument,
} from '../../domain/monthly-reports/monthly-report.js';
import { NotFoundError } from '../../errors.js';
import { findUnit } from '../../read/units.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf, occurredAtOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { readErrors, unitId, writeErrors, writeHeaders } from '../schemas/common.js';
import {
  correctMonthlyReportBody,
  fileMonthlyReportBody,
  monthlyReportParams,
  monthlyReportView as monthlyReportViewSchema,
  type reportDocument,
} from '../schemas/monthly-reports.js';
import { monthlyReportView } from '../views/monthly-report.js';

const tags = ['monthly reports'];

const documentOf = (d: z.output<typeof reportDocument> | null): ReportDocument | null =>
  d && { code: d.code ?? null, url: d.url ?? null };

/**
 * Monthly reports to the Central Organizing Committee, due by the 25th (Conclusion 183-KL/TW,
 * clause 9): filed by the unit or entered by the secretariat on its behalf, corrected with a
 * reason; on time or late is derived, never entered.
 */
export async function monthlyReportRoutes(app: App): Promise<void> {
  const requireUnit = async (id: string) => {
    if (!(await findUnit(app.database, id))) throw new NotFoundError(`no unit ${id}`);
  };
  const history = (unit: string, period: string) =>
    app.ledger.store.readStream(monthlyReportDecider.streamType, monthlyReportStreamId(unit, period));
  const view = async (unit: string, period: string, r: CommandResult<MonthlyReport>) =>
    monthlyReportView(unit, period, r.state, r.version, await history(unit, period));

  // A unit's own act: a unit token within its subtree, the secretariat on the unit's behalf.
  const run = async (
    request: FastifyRequest,
    unit: string,
    period: string,
    command: MonthlyReportCommand,
  ) => {
    authorize(request.principal, 'unit:act');
    await requireUnit(unit);
    const onBehalfOf = await authorizeForUnit(app.database, request.principal, unit);
    return handleCommand(
      app.ledger,
      monthlyReportDecider,
      monthlyReportStreamId(unit, period),
      command,
      commandContext(request, onBehalfOf),
      idempotencyOf(request),
    );
  };

  app.post(
    '/units/:unitId/monthly-reports',
    {
      schema: {
        summary: 'File the unit’s report for a month (the unit, or the secretariat on its behalf)',
        tags,
        params: z.object({ unitId }),
        headers: writeHeaders,
        body: fileMonthlyReportBody,
        response: { 201: monthlyReportViewSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { unitId } = request.params;
      const { period, summary, document, occurredAt } = request.body;
      const outcome = await run(request, unitId, period, {
        type: 'FileMonthlyReport',
        unitId,
        period,
        summary,
        document: documentOf(document ?? null),
        occurredAt: occurredAtOf(request, occurredAt),
      });
      return sendOutcome(reply, 201, outcome, (r) => view(unitId, period, r));
    },
  );

  app.post(
    '/units/:unitId/monthly-reports/:period/correction',
    {
      schema: {
        summary: 'Correct a filed report, with a reason; when it was filed does not change',
        tags,
        params: monthlyReportParams,
        headers: writeHeaders,
        body: correctMonthlyReportBody,
        response: { 200: monthlyReportViewSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { unitId, period } = request.params;
      const { summary, document, reason, occurredAt } = request.body;
      const outcome = await run(request, unitId, period, {
        type: 'CorrectMonthlyReport',
        summary,
        document: document === undefined ? undefined : documentOf(document),
        reason,
        occurredAt: occurredAtOf(request, occurredAt),
      });
      return sendOutcome(reply, 200, outcome, (r) => view(unitId, period, r));
    },
  );

  app.get(
    '/units/:unitId/monthly-reports/:period',
    {
      schema: {
        summary:
          'A unit’s report for a month: filed or not, on time, late, missing or not yet due, as of now',
        tags,
        params: monthlyReportParams,
        response: { 200: monthlyReportViewSchema, ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const { unitId, period } = request.params;
      await requireUnit(unitId);
      const events = await history(unitId, period);
      const state = events.reduce(
        (s, e) => monthlyReportDecider.evolve(s, { type: e.type, data: e.data } as MonthlyReportEvent),
        monthlyReportDecider.initialState,
      );
      return monthlyReportView(unitId, period, state, events.length, events);
    },
  );
}
