import type { OpProjection } from '../../src/projections/projection.js';

// The events whose trace the latest state of an item does not keep: how often it happened is
// counted there, but not when or why.
const traced = new Set([
  'TaskDeadlineExtended',
  'TaskCompletionReturned',
  'RemediationRejected',
  'RemediationTargetDateRevised',
  'AccountableOfficialAssigned',
]);

/** One row per returned completion, rejection, extension or revision: what a meeting reviews. */
export const changes: OpProjection = {
  name: 'view_changes',
  version: 1,
  tables: ['view_changes'],
  handle(e) {
    if (!traced.has(e.type)) return [];
    return [
      {
        op: 'upsert',
        table: 'view_changes',
        key: { position: e.position },
        set: {
          stream_type: e.streamType,
          stream_id: e.streamId,
          type: e.type,
          occurred_at: e.occurredAt,
          actor: e.actor,
          reason: e.reason,
          data: JSON.stringify(e.data),
        },
      },
    ];
  },
};
