import { createHash } from 'node:crypto';
import type { EventCatalogue } from '../../events/catalogue.js';
import type { Database } from '../db/database.js';
import { ConcurrencyError, IdempotencyKeyReusedError } from '../errors.js';
import type { Projection } from '../projections/projection.js';
import { ProjectionRunner } from '../projections/runner.js';
import { canonicalJson } from './chain.js';
import { EventStore } from './event-store.js';
import { type LedgerHead, latestSeal, seal } from './seal.js';
import type { AppendResult, StreamAppend } from './types.js';
import { type VerifyReport, verifyLedger } from './verify.js';

// Writes that accept any stream version retry a lost race a few times before giving up.
const ANY_VERSION_ATTEMPTS = 5;

/** A write's idempotency: the key and a digest of the request it stands for. */
export interface Idempotency {
  key: string;
  request: unknown;
}

/** The outcome of a write; `replayed` when an earlier write with the same key answered. */
export interface WriteOutcome<R> {
  response: R;
  replayed: boolean;
}

/** The ledger as the application uses it: writes with projections and idempotency, seals, verify. */
export class Ledger {
  readonly store: EventStore;
  readonly projections: ProjectionRunner;

  constructor(
    readonly database: Database,
    catalogue: EventCatalogue,
    projections: readonly Projection[],
  ) {
    this.store = new EventStore(database.sql, catalogue);
    this.projections = new ProjectionRunner(projections, this.store, database);
  }

  /**
   * Appends in one transaction with every projection applied inline, so the response sees its
   * own write. With an idempotency key, a retry of the same request returns the first response
   * and appends nothing; the same key with a different request is refused.
   */
  async write<R>(
    appends: StreamAppend[],
    respond: (result: AppendResult) => R,
    idempotency?: Idempotency,
  ): Promise<WriteOutcome<R>> {
    const requestHash = idempotency ? digest(idempotency.request) : undefined;
    if (idempotency && requestHash) {
      const earlier = await this.earlierResponse<R>(idempotency.key, requestHash);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(appends, respond, idempotency, requestHash);
      } catch (error) {
        // A concurrent retry of the same request won (on the stream or on the key): its
        // transaction has committed by the time ours fails, so answer as it did.
        if (idempotency && requestHash) {
          const earlier = await this.earlierResponse<R>(idempotency.key, requestHash);
          if (earlier) return earlier;
        }
        const retryable =
          error instanceof ConcurrencyError && appends.every((a) => a.expectedVersion === 'any');
        if (!retryable || attempt >= ANY_VERSION_ATTEMPTS) throw error;
      }
    }
  }

  private async writeOnce<R>(
    appends: StreamAppend[],
    respond: (result: AppendResult) => R,
    idempotency: Idempotency | undefined,
    requestHash: Buffer | undefined,
  ): Promise<WriteOutcome<R>> {
    const { result, response } = await this.database.sql.transaction(async (tx) => {
      const result = await this.store.append(appends, tx);
      await this.projections.applyInline(tx, result.events);
      const response = respond(result);
      if (idempotency && requestHash) {
        await tx.query({
          text: `insert into idempotency_keys (key, request_hash, response, first_position)
            values ($1, $2, $3::jsonb, $4)`,
          values: [idempotency.key, requestHash, JSON.stringify(response), result.firstPosition],
        });
      }
      return { result, response };
    });
    this.store.rememberCommitted(result);
    return { response, replayed: false };
  }

  /**
   * The first response to an earlier write with this key and request, if there was one; the
   * same key with a different request is refused. Commands ask this before they decide, so a
   * retry is answered as the first attempt was even though the state has moved on.
   */
  async earlier<R>(idempotency: Idempotency): Promise<WriteOutcome<R> | undefined> {
    return this.earlierResponse<R>(idempotency.key, digest(idempotency.request));
  }

  /** Seals the visible log and returns the new head. */
  seal(): Promise<LedgerHead> {
    return seal(this.database.sql);
  }

  /** The latest seal, without sealing. */
  head(): Promise<LedgerHead> {
    return latestSeal(this.database.sql);
  }

  /** Recomputes every chain and seal. */
  verify(options?: Parameters<typeof verifyLedger>[1]): Promise<VerifyReport> {
    return verifyLedger(this.database.sql, options);
  }

  private async earlierResponse<R>(key: string, requestHash: Buffer): Promise<WriteOutcome<R> | undefined> {
    const [row] = await this.database.sql.query<{ request_hash: Uint8Array; response: R }>({
      text: 'select request_hash, response from idempotency_keys where key = $1',
      values: [key],
    });
    if (!row) return undefined;
    if (!Buffer.from(row.request_hash).equals(requestHash)) {
      throw new IdempotencyKeyReusedError('this Idempotency-Key was already used for a different request', {
        key,
      });
    }
    return { response: row.response, replayed: true };
  }
}

function digest(request: unknown): Buffer {
  return createHash('sha256')
    .update(canonicalJson(request ?? null))
    .digest();
}
