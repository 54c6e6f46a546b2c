import type { roles } from '../../../events/tokens.js';
import { newSecret, secretDigest } from '../../auth/secret.js';
import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { CommandContext } from '../decider.js';
import { handleCommand } from '../handle-command.js';
import { tokenDecider } from './decide.js';

/** A token as it may be shown: never its secret. */
export interface IssuedToken {
  id: string;
  name: string;
  role: (typeof roles)[number];
  unitId: string | null;
}

/**
 * Issues a token. The secret is returned here once and only its digest is recorded; a replay of
 * the same idempotent request answers with the token but not the secret, which nobody keeps.
 */
export async function issueToken(
  ledger: Ledger,
  request: { name: string; role: (typeof roles)[number]; unitId: string | null },
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<IssuedToken> & { secret: string | null }> {
  const id = context.newId();
  const secret = newSecret();
  const outcome = await handleCommand(
    ledger,
    tokenDecider,
    id,
    { type: 'IssueToken', ...request, secretSha256: secretDigest(secret) },
    context,
    idempotency,
  );
  const { streamId, state } = outcome.response;
  return {
    replayed: outcome.replayed,
    response: {
      id: streamId,
      name: state.name ?? request.name,
      role: state.role ?? request.role,
      unitId: state.unitId,
    },
    secret: outcome.replayed ? null : secret,
  };
}
