import type { FastifyReply } from 'fastify';
import type { WriteOutcome } from '../ledger/ledger.js';

/** Sends a write's answer; a replay of an idempotent request says so in a header. */
export async function sendOutcome<R, V>(
  reply: FastifyReply,
  status: number,
  outcome: WriteOutcome<R>,
  view: (response: R) => V | Promise<V>,
): Promise<FastifyReply> {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(status).send(await view(outcome.response));
}
