import { describeDeadline } from '../../domain/deadline.js';
import type { Directive } from '../../domain/directives/directive.js';

/** A directive's folded state as the API shows it: its clauses and the tasks they opened. */
export function directiveView(code: string, directive: Directive, version: number) {
  const clauses = directive.clauses.map((c) => ({
    reference: c.reference,
    text: c.text,
    assignment: c.assignment && {
      ...c.assignment,
      deadlineText: describeDeadline(c.assignment.deadline),
    },
  }));
  return {
    code: directive.code ?? code,
    kind: directive.kind ?? 'other',
    title: directive.title ?? '',
    issuedOn: directive.issuedOn ?? '',
    issuingUnitId: directive.issuingUnitId ?? '',
    signer: directive.signer,
    references: directive.references,
    clauses,
    taskIds: directive.clauses.flatMap((c) => c.assignment?.taskIds ?? []),
    version,
  };
}
