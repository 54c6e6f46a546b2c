import type { Deadline } from '../../../events/deadline.js';
import type { DirectiveEvent, directiveKinds, referenceRelations } from '../../../events/directives.js';
import type { Decider } from '../decider.js';
import { dateInVietnam, validTime } from '../occurred-at.js';
import { hasDuplicates, refuseIf, requireAllowed, requireText } from '../refuse.js';
import {
  type ClauseGroup,
  clauseOf,
  type Directive,
  evolveDirective,
  type Signer,
  unissuedDirective,
} from './directive.js';

/** Whom a clause assigns, already resolved: a group is fanned out by the caller into its members. */
export interface AssignmentInput {
  leadUnitIds: string[];
  group?: { kind: string; parentId?: string | null; label: string } | null;
  coordinatingUnitIds?: string[];
  expectedOutput?: string | null;
  deadline: Deadline;
  endsOn?: string | null;
}

/** Issues a numbered document; the stream id is its code. */
export interface IssueDirective {
  type: 'IssueDirective';
  code: string;
  kind: (typeof directiveKinds)[number];
  title: string;
  issuedOn: string;
  issuingUnitId: string;
  signer?: Signer | null;
  references?: { code: string; relation: (typeof referenceRelations)[number] }[];
  occurredAt?: Date;
}

/** Adds a clause; with an assignment, `taskIds` holds the caller's new task id per lead unit. */
export interface AddClause {
  type: 'AddClause';
  reference: string;
  text: string;
  assignment?: AssignmentInput | null;
  taskIds?: string[];
  occurredAt?: Date;
}

/** What may be asked of a directive's stream. */
export type DirectiveCommand = IssueDirective | AddClause;

const allowed: Record<Directive['status'], DirectiveCommand['type'][]> = {
  unissued: ['IssueDirective'],
  issued: ['AddClause'],
};

function issue(command: IssueDirective, context: { now: Date }): DirectiveEvent {
  const references = command.references ?? [];
  refuseIf(command.issuedOn > dateInVietnam(context.now), 'issuedOn', 'must not be in the future');
  refuseIf(hasDuplicates(references.map((r) => r.code)), 'references', 'each document is referenced once');
  refuseIf(
    references.some((r) => r.code === command.code),
    'references',
    'a directive does not reference itself',
  );
  return {
    type: 'DirectiveIssued',
    data: {
      code: requireText(command.code, 'code'),
      kind: command.kind,
      title: requireText(command.title, 'title'),
      issuedOn: command.issuedOn,
      issuingUnitId: requireText(command.issuingUnitId, 'issuingUnitId'),
      signer: command.signer ?? null,
      references,
    },
  };
}

function group(input: AssignmentInput['group']): ClauseGroup | null {
  return input ? { kind: input.kind, parentId: input.parentId ?? null, label: input.label } : null;
}

function addClause(command: AddClause, directive: Directive): DirectiveEvent {
  const reference = requireText(command.reference, 'reference');
  refuseIf(clauseOf(directive, reference) !== null, 'reference', `clause ${reference} already exists`);
  const text = requireText(command.text, 'text');
  const input = command.assignment;
  if (!input) {
    refuseIf((command.taskIds ?? []).length > 0, 'taskIds', 'a clause without an assignment has no tasks');
    return { type: 'ClauseAdded', data: { reference, text, assignment: null } };
  }
  const leads = input.leadUnitIds;
  const coordinating = input.coordinatingUnitIds ?? [];
  const taskIds = command.taskIds ?? [];
  refuseIf(leads.length === 0, 'assignment.leadUnitIds', 'at least one lead unit');
  refuseIf(hasDuplicates(leads), 'assignment.leadUnitIds', 'each lead unit is named once');
  refuseIf(hasDuplicates(coordinating), 'assignment.coordinatingUnitIds', 'each unit is named once');
  refuseIf(
    coordinating.some((id) => leads.includes(id)),
    'assignment.coordinatingUnitIds',
    'a lead unit is not also a coordinating unit',
  );
  refuseIf(
    input.endsOn != null && directive.issuedOn !== null && input.endsOn < directive.issuedOn,
    'assignment.endsOn',
    `must not precede the directive's issue date ${directive.issuedOn}`,
  );
  refuseIf(taskIds.length !== leads.length, 'taskIds', 'one task id per lead unit');
  refuseIf(hasDuplicates(taskIds), 'taskIds', 'each task id is used once');
  return {
    type: 'ClauseAdded',
    data: {
      reference,
      text,
      assignment: {
        leadUnitIds: leads,
        group: group(input.group),
        coordinatingUnitIds: coordinating,
        expectedOutput: input.expectedOutput?.trim() || null,
        deadline: input.deadline,
        endsOn: input.endsOn ?? null,
        taskIds,
      },
    },
  };
}

/** The Directives stream: a numbered document's issue and its clauses. */
export const directiveDecider: Decider<DirectiveCommand, DirectiveEvent, Directive> = {
  streamType: 'directive',
  creates: ['IssueDirective'],
  initialState: unissuedDirective,
  evolve: evolveDirective,
  decide(command, directive, context) {
    requireAllowed('directive', allowed, directive.status, command.type);
    const occurredAt = validTime(command, context);
    const event = command.type === 'IssueDirective' ? issue(command, context) : addClause(command, directive);
    return [{ event, occurredAt }];
  },
};
