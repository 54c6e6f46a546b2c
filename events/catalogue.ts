import type { z } from 'zod';
import { ValidationError } from '../src/errors.js';

/** One released version of an event's schema; `upcast` lifts data of the version before it. */
export interface EventVersion {
  version: number;
  schema: z.ZodType;
  upcast?: (previous: unknown) => unknown;
}

/** An event type with every schema version it was ever released with, oldest first. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  /** Released versions, never edited; the last one is what is appended today. */
  versions: readonly EventVersion[];
  /** The latest schema, typed, for producers and consumers. */
  schema: S;
}

/**
 * Declares an event type. `older` lists the released versions before the latest, oldest first,
 * each with the upcaster from its predecessor; `upcastToLatest` lifts the last of them.
 */
export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  latest: S,
  older: readonly EventVersion[] = [],
  upcastToLatest?: (previous: unknown) => unknown,
): EventDefinition<T, S> {
  older.forEach((v, i) => {
    if (v.version !== i + 1) throw new Error(`${type}: versions must be numbered 1..n in order`);
  });
  if (older.length > 0 && !upcastToLatest) {
    throw new Error(`${type}: a new version needs an upcaster from the version before it`);
  }
  const version = older.length + 1;
  return {
    type,
    schema: latest,
    versions: [...older, { version, schema: latest, upcast: upcastToLatest }],
  };
}

/** Every event type the ledger accepts; validates on append, upcasts on read. */
export class EventCatalogue {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const d of definitions) {
      if (this.byType.has(d.type)) throw new Error(`event type ${d.type} is defined twice`);
      this.byType.set(d.type, d);
    }
  }

  /** The types in the catalogue. */
  types(): string[] {
    return [...this.byType.keys()];
  }

  /** Validates data against the latest schema; returns the version and the parsed data. */
  validate(type: string, data: unknown): { schemaVersion: number; data: unknown } {
    const def = this.definition(type);
    const latest = def.versions[def.versions.length - 1] as EventVersion;
    const parsed = latest.schema.safeParse(data);
    if (!parsed.success) {
      throw new ValidationError(
        `event ${type} v${latest.version} is not valid`,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    return { schemaVersion: latest.version, data: parsed.data };
  }

  /** Reads stored data of any released version as the latest version. */
  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const def = this.byType.get(type);
    if (!def) return { schemaVersion, data };
    let current = data;
    for (const v of def.versions) {
      if (v.version > schemaVersion && v.upcast) current = v.upcast(current);
    }
    return { schemaVersion: def.versions.length, data: current };
  }

  private definition(type: string): EventDefinition {
    const def = this.byType.get(type);
    if (!def) {
      throw new ValidationError(`unknown event type ${type}`, [
        { path: 'type', message: `not in the event catalogue: ${type}` },
      ]);
    }
    return def;
  }
}
