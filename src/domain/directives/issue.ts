import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { CommandContext } from '../decider.js';
import { type CommandResult, handleCommand } from '../handle-command.js';
import { directiveDecider, type IssueDirective } from './decide.js';
import type { Directive } from './directive.js';

/** Issues a directive on the stream named by its code (a second issue of a code is refused). */
export function issueDirective(
  ledger: Ledger,
  command: Omit<IssueDirective, 'type'>,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<CommandResult<Directive>>> {
  return handleCommand(
    ledger,
    directiveDecider,
    command.code,
    { ...command, type: 'IssueDirective' },
    context,
    idempotency,
  );
}
