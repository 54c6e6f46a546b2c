// ILLUSTRATIVE SCENARIO — see scenario.ts. Not what any real ministry, province or person did.
import type { Role } from '../src/auth/principal.js';

/** One illustrative action, at a moment in Vietnam time, by a role, perhaps for a unit. */
export type ScenarioStep =
  | { at: string; role: Role; unit?: string; kind: 'head'; unitId: string; title: string; personName: string }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'task';
      task: [directive: string, reference: string, unitId: string];
      command: Record<string, unknown> & { type: string };
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'flag';
      id: string;
      unitId: string;
      category: string;
      severity: string;
      description: string;
      report: { title: string; documentCode: string | null; date: string };
      recurrenceOf?: string;
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'shortcoming';
      id: string;
      command: Record<string, unknown> & { type: string };
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'report';
      unitId: string;
      period: string;
      summary: string;
    };
