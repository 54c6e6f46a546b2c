import { z } from 'zod';
import { authorize } from '../../auth/permissions.js';
import { addClause } from '../../domain/directives/add-clause.js';
import { directiveDecider } from '../../domain/directives/decide.js';
import { issueDirective } from '../../domain/directives/issue.js';
import { loadState } from '../../domain/handle-command.js';
import { dateInVietnam } from '../../domain/occurred-at.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { findUnits, groupMembers } from '../../read/units.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf, occurredAtOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { readErrors, writeErrors, writeHeaders } from '../schemas/common.js';
import {
  addClauseBody,
  clauseAdded,
  directiveCode,
  directiveView as directiveViewSchema,
  issueDirectiveBody,
} from '../schemas/directives.js';
import { directiveView } from '../views/directive.js';

const tags = ['directives'];
const params = z.object({
  code: directiveCode.describe('URL-encoded, e.g. 183-KL%2FTW'),
});

/** Refuses (404) a body naming units not in the register, with one issue per unknown id. */
async function requireUnits(app: App, named: { path: string; id: string }[]): Promise<void> {
  const known = await findUnits(
    app.database,
    named.map((n) => n.id),
  );
  const unknown = named.filter((n) => !known.has(n.id));
  if (unknown.length === 0) return;
  throw new NotFoundError(`no unit ${[...new Set(unknown.map((n) => n.id))].join(', ')}`, {
    issues: unknown.map((n) => ({ path: n.path, message: 'no such unit' })),
  });
}

/** Numbered documents and their clauses (secretariat); a clause opens a task per lead unit. */
export async function directiveRoutes(app: App): Promise<void> {
  app.post(
    '/directives',
    {
      schema: {
        summary: 'Issue a directive (secretariat); its code is its id, e.g. 183-KL/TW',
        tags,
        headers: writeHeaders,
        body: issueDirectiveBody,
        response: { 201: directiveViewSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'directives:manage');
      const { occurredAt, signer, references, ...fields } = request.body;
      await requireUnits(app, [{ path: 'body.issuingUnitId', id: fields.issuingUnitId }]);
      const outcome = await issueDirective(
        app.ledger,
        {
          ...fields,
          signer: signer ?? null,
          references: references ?? [],
          occurredAt: occurredAtOf(request, occurredAt),
        },
        commandContext(request),
        idempotencyOf(request),
      );
      return sendOutcome(reply, 201, outcome, (r) => directiveView(r.streamId, r.state, r.version));
    },
  );

  app.get(
    '/directives/:code',
    {
      schema: {
        summary: 'A directive with its clauses and the tasks they opened',
        tags,
        params,
        response: { 200: directiveViewSchema, ...readErrors },
      },
    },
    async (request) => {
      authorize(request.principal, 'read');
      const { code } = request.params;
      const { state, version } = await loadState(app.ledger, directiveDecider, code);
      if (version === 0) throw new NotFoundError(`no directive ${code}`);
      return directiveView(code, state, version);
    },
  );

  app.post(
    '/directives/:code/clauses',
    {
      schema: {
        summary:
          'Add a clause (secretariat); its assignment opens one task per lead unit, a group one per active member',
        tags,
        params,
        headers: writeHeaders,
        body: addClauseBody,
        response: { 201: clauseAdded, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'directives:manage');
      const { code } = request.params;
      const { reference, text, assignment, occurredAt } = request.body;
      const { version } = await loadState(app.ledger, directiveDecider, code);
      if (version === 0) throw new NotFoundError(`no directive ${code}`);
      const occurred = occurredAtOf(request, occurredAt);
      const context = commandContext(request);

      let leadUnitIds: string[] = [];
      if (assignment) {
        const at = 'body.assignment';
        const named = [
          ...(assignment.leadUnitIds ?? []).map((id, i) => ({ path: `${at}.leadUnitIds.${i}`, id })),
          ...(assignment.coordinatingUnitIds ?? []).map((id, i) => ({
            path: `${at}.coordinatingUnitIds.${i}`,
            id,
          })),
          ...(assignment.group?.parentId
            ? [{ path: `${at}.group.parentId`, id: assignment.group.parentId }]
            : []),
        ];
        await requireUnits(app, named);
        leadUnitIds = assignment.leadUnitIds ?? [];
        if (assignment.group) {
          // Members as the clause's day has them, not as the register stands when it is entered.
          const members = await groupMembers(
            app.database,
            { kind: assignment.group.kind, parentId: assignment.group.parentId ?? null },
            dateInVietnam(occurred ?? context.now),
          );
          if (members.length === 0) {
            throw new ValidationError('the group has no members on the clause’s day to assign it to', [
              { path: `${at}.group`, message: 'no unit of this kind (under this parent) exists that day' },
            ]);
          }
          leadUnitIds = members.map((m) => m.id);
        }
      }

      const outcome = await addClause(
        app.ledger,
        code,
        {
          reference,
          text,
          assignment: assignment && {
            leadUnitIds,
            group: assignment.group ?? null,
            coordinatingUnitIds: assignment.coordinatingUnitIds ?? [],
            expectedOutput: assignment.expectedOutput ?? null,
            deadline: assignment.deadline,
            endsOn: assignment.endsOn ?? null,
          },
          occurredAt: occurred,
        },
        context,
        idempotencyOf(request),
      );
      return sendOutcome(reply, 201, outcome, (r) => r);
    },
  );
}
