import type { EventCatalogue } from '../../events/catalogue.js';
import { CONTENT_KEYS, canonicalJson, canonicalOf, chainHash, contentValues } from './chain.js';
import type { AppendResult, RecordedEvent, StreamAppend, StreamHead } from './types.js';

/** An event ready to append: as it will be recorded, its canonical JSON and its chain value. */
export interface PreparedEvent {
  /** Position and recording time are filled in once the database has answered. */
  event: RecordedEvent;
  dataJson: string;
  tagsJson: string;
  /** The canonical JSON of each chained field, in canonical key order (see contentValues). */
  values: string[];
  hash: Buffer;
}

/** What the append statement checks: the stored event each stream's first new event links to. */
export interface Link {
  streamType: string;
  streamId: string;
  version: number;
  hash: Buffer;
}

/** A whole append, validated and chained, before it is sent. */
export interface PreparedAppend {
  events: PreparedEvent[];
  links: Link[];
  heads: AppendResult['heads'];
}

/**
 * Validates each event against the catalogue and chains it onto its stream's head (`bases`,
 * one per append, in order). Each event's canonical JSON is made once and serves the hash,
 * the stored columns and the batch payload alike.
 */
export function prepareAppend(
  appends: readonly StreamAppend[],
  bases: readonly StreamHead[],
  catalogue: EventCatalogue,
): PreparedAppend {
  const events: PreparedEvent[] = [];
  const links: Link[] = [];
  const heads: AppendResult['heads'] = [];
  appends.forEach((a, i) => {
    const base = bases[i] as StreamHead;
    if (base.version > 0) {
      links.push({ streamType: a.streamType, streamId: a.streamId, version: base.version, hash: base.hash });
    }
    let { hash, version } = base;
    for (const e of a.events) {
      const { schemaVersion, data } = catalogue.validate(e.type, e.data);
      const m = e.metadata;
      const tags = m.tags ?? {};
      version += 1;
      const event: RecordedEvent = {
        position: 0,
        streamType: a.streamType,
        streamId: a.streamId,
        streamVersion: version,
        eventId: e.eventId.toLowerCase(),
        type: e.type,
        schemaVersion,
        data,
        actor: m.actor,
        role: m.role,
        onBehalfOf: m.onBehalfOf ?? null,
        reason: m.reason ?? null,
        correlationId: m.correlationId?.toLowerCase() ?? null,
        causationId: m.causationId?.toLowerCase() ?? null,
        tags,
        occurredAt: new Date(m.occurredAt.getTime()),
        recordedAt: NOT_YET_RECORDED,
      };
      const dataJson = canonicalJson(data);
      const tagsJson = canonicalJson(tags);
      const values = contentValues(event, dataJson, tagsJson);
      hash = chainHash(hash, canonicalOf(values));
      events.push({ event, dataJson, tagsJson, values, hash });
    }
    heads.push({ streamType: a.streamType, streamId: a.streamId, head: { version, hash } });
  });
  return { events, links, heads };
}

// A placeholder until the database answers; replaced before any event is handed out.
const NOT_YET_RECORDED = new Date(Number.NaN);

/**
 * The batch payload: one JSON array holding each event's canonical values as an array (keys
 * left out: the server parses a third of the text), and the events' hashes end to end.
 */
export function batchPayload(events: readonly PreparedEvent[]): [string, Buffer] {
  let json = '';
  const hashes = Buffer.allocUnsafe(32 * events.length);
  events.forEach((e, i) => {
    json += `${i === 0 ? '[[' : ',['}${e.values.join(',')}]`;
    e.hash.copy(hashes, 32 * i);
  });
  return [`${json}]`, hashes];
}

const OCCURRED_AT = CONTENT_KEYS.indexOf('occurredAt');

/** One event as the typed parameters $6..$21 of APPEND_ONE, in column order. */
export function eventParameters(p: PreparedEvent): unknown[] {
  const e = p.event;
  return [
    e.streamType,
    e.streamId,
    e.streamVersion,
    e.eventId,
    e.type,
    e.schemaVersion,
    p.dataJson,
    e.actor,
    e.role,
    e.onBehalfOf,
    e.reason,
    e.correlationId,
    e.causationId,
    p.tagsJson,
    // The chained value is the same text, quoted: no second toISOString.
    (p.values[OCCURRED_AT] as string).slice(1, -1),
    p.hash,
  ];
}
