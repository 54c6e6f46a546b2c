import t from 'tap';
import {
  type ChainedContent,
  canonicalContent,
  canonicalJson,
  GENESIS,
  nextChain,
} from '../../src/ledger/chain.js';

const event: ChainedContent = {
  streamType: 'shortcoming',
  streamId: 'SC-2025-0007',
  streamVersion: 3,
  eventId: '0199A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B',
  type: 'RemediationReported',
  schemaVersion: 1,
  data: {
    evidence: { documentCode: '56-KH/BCĐ', sha256: null },
    percent: 62.5,
    note: 'Đã khắc phục "một phần"\n',
  },
  actor: 'tinh-uy-lao-cai',
  role: 'unit',
  onBehalfOf: 'Tỉnh ủy Lào Cai',
  reason: null,
  correlationId: null,
  causationId: '0199A1B2-0000-7000-8000-000000000001',
  tags: { scenario: true },
  occurredAt: new Date('2025-09-30T17:00:00.000Z'),
};

t.test('the hand-laid canonical form is exactly RFC 8785 of the whole content', async (t) => {
  const expected = canonicalJson({
    ...event,
    eventId: event.eventId.toLowerCase(),
    causationId: event.causationId?.toLowerCase(),
    occurredAt: event.occurredAt.toISOString(),
  });
  t.equal(canonicalContent(event), expected);
});

t.test('the chain changes with any covered field and depends on the previous link', async (t) => {
  const base = nextChain(GENESIS, event);
  t.equal(base.length, 32);
  t.notSame(nextChain(GENESIS, { ...event, actor: 'someone else' }), base);
  t.notSame(nextChain(GENESIS, { ...event, data: { ...(event.data as object), percent: 63 } }), base);
  t.notSame(nextChain(base, event), base);
  t.same(nextChain(GENESIS, { ...event }), base, 'deterministic');
});
