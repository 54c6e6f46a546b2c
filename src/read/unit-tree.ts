import type { OfficialTerm } from '../../projections/views/shortcomings.js';
import type { UnitDocument } from '../../projections/views/units.js';

// Parents and successors form short chains; a longer walk means a cycle in bad data.
const MAX_WALK = 32;

/** Who answered for an item's unit over a span of days: [from, until) in valid time. */
export interface AnswererSpan {
  unitId: string;
  from: string | null;
  until: string | null;
}

/** The unit tree as known at one position: scope, succession and heads, all pure lookups. */
export class UnitTree {
  private readonly byId = new Map<string, UnitDocument>();
  private readonly children = new Map<string, UnitDocument[]>();
  private readonly absorbed = new Map<string, string[]>();

  constructor(readonly units: readonly UnitDocument[]) {
    for (const u of units) this.byId.set(u.id, u);
    for (const u of units) {
      if (u.parentId) this.children.set(u.parentId, [...(this.children.get(u.parentId) ?? []), u]);
      if (u.successorId)
        this.absorbed.set(u.successorId, [...(this.absorbed.get(u.successorId) ?? []), u.id]);
    }
  }

  /** The unit, if known. */
  get(id: string): UnitDocument | undefined {
    return this.byId.get(id);
  }

  /** The unit's name, or its id when unknown. */
  nameOf(id: string): string {
    return this.byId.get(id)?.nameVi ?? id;
  }

  /** The units directly under this one. */
  childrenOf(id: string): UnitDocument[] {
    return this.children.get(id) ?? [];
  }

  /**
   * The unit, every unit under it, and every unit whose obligations passed to one of those
   * through a merger or split (with the units under them): whose items a unit head reviews.
   */
  scopeOf(id: string): Set<string> {
    const scope = new Set<string>();
    const visit = (u: string) => {
      if (scope.has(u)) return;
      scope.add(u);
      for (const c of this.childrenOf(u)) visit(c.id);
      for (const p of this.absorbed.get(u) ?? []) visit(p);
    };
    visit(id);
    return scope;
  }

  /**
   * The unit answering for a unit's obligations on a day: its successor once the merger or
   * split has taken effect (a merger recorded ahead of its date changes nothing before it).
   */
  answeringFor(id: string, onDay: string): string {
    return this.walkSuccessors(id, onDay);
  }

  /** The unit that answers for a unit's obligations once every recorded merger has taken effect. */
  eventualAnswerer(id: string): string {
    return this.walkSuccessors(id, null);
  }

  private walkSuccessors(id: string, onDay: string | null): string {
    let current = id;
    for (let i = 0; i < MAX_WALK; i++) {
      const u = this.byId.get(current);
      if (!u?.successorId || !u.endedOn || (onDay !== null && u.endedOn > onDay)) return current;
      current = u.successorId;
    }
    return current;
  }

  /** Who answered for a unit's obligations from `since` on, span by span through its successors. */
  answerersSince(id: string, since: string): AnswererSpan[] {
    const spans: AnswererSpan[] = [];
    let current = id;
    let from: string | null = since;
    for (let i = 0; i < MAX_WALK; i++) {
      const u = this.byId.get(current);
      // A unit that had already ended when the item began never answered for it.
      if (u?.successorId && u.endedOn && u.endedOn <= (from ?? '')) {
        current = u.successorId;
        continue;
      }
      const until: string | null = u?.successorId && u.endedOn ? u.endedOn : null;
      spans.push({ unitId: current, from, until });
      if (!until || !u?.successorId) return spans;
      current = u.successorId;
      from = until;
    }
    return spans;
  }

  /** The head of a unit on a day (today when none). */
  headOn(id: string, onDay?: string): OfficialTerm | null {
    const heads = this.byId.get(id)?.heads ?? [];
    const served = onDay === undefined ? heads : heads.filter((h) => h.since <= onDay);
    return served.at(-1) ?? null;
  }

  /**
   * The unit directly under `root` an item of `unitId` rolls up to (through successors and
   * parents), `root` itself for its own items, or undefined when outside.
   */
  rollUpTo(root: string, unitId: string): string | undefined {
    let current = this.eventualAnswerer(unitId);
    for (let i = 0; i < MAX_WALK; i++) {
      if (current === root) return root;
      const parent = this.byId.get(current)?.parentId;
      if (!parent) return undefined;
      if (parent === root) return current;
      current = parent;
    }
    return undefined;
  }
}
