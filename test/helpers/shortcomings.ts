// Given/when/then over the Shortcomings decider, and a shortcoming's story up to each status,
// shared by the shortcoming tests.
import type { TAP } from 'tap';
import { type ShortcomingEvent, shortcomingEvents } from '../../events/shortcomings.js';
import type { CommandContext, Decided } from '../../src/domain/decider.js';
import {
  type FlagShortcomingCommand,
  type ShortcomingCommand,
  shortcomingDecider,
} from '../../src/domain/shortcomings/decide.js';
import type { ShortcomingStatus } from '../../src/domain/shortcomings/shortcoming.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';

/** When every command is decided: 10:00 on 1 September 2025 in Vietnam. */
export const now = new Date('2025-09-01T03:00:00Z');
/** The context every command is decided in. */
export const context: CommandContext = {
  now,
  newId: () => 'id',
  actor: { id: 'inspector-1', role: 'inspector' },
};

/** Given these events, when this command: the decided events, each valid against its schema. */
export function given(...history: ShortcomingEvent[]) {
  const state = history.reduce(shortcomingDecider.evolve, shortcomingDecider.initialState);
  return {
    state,
    when(command: ShortcomingCommand): Decided<ShortcomingEvent>[] {
      const decided = shortcomingDecider.decide(command, state, context);
      for (const { event } of decided) {
        const definition = shortcomingEvents.find((d) => d.type === event.type);
        definition?.schema.parse(event.data);
      }
      return decided;
    },
  };
}

/** The events of a story told as commands, each decided on the state the ones before it made. */
export function story(...commands: ShortcomingCommand[]): ShortcomingEvent[] {
  const history: ShortcomingEvent[] = [];
  for (const command of commands) {
    const decided = given(...history).when(command);
    history.push(...decided.map((d) => d.event));
  }
  return history;
}

/**
 * The flag every story starts with: the Central Inspection Commission's supervision report
 * alongside Report 428-BC/BTCTW (2025-07-31). Its document code is not in the sources, hence
 * none; the wording and the official's name are illustrative, not what a real ministry was told.
 */
export const flag: FlagShortcomingCommand = {
  type: 'FlagShortcoming',
  unitId: 'ministry-of-home-affairs',
  inspectionUnitId: 'central-inspection-commission',
  supervisionReport: {
    title: 'Báo cáo giám sát của Ủy ban Kiểm tra Trung ương (kèm Báo cáo 428-BC/BTCTW)',
    date: '2025-07-31',
  },
  category: 'human_resources',
  severity: 'high',
  description: 'Illustrative: commune-level civil servants not yet trained for the two-tier model',
  accountableOfficial: { title: 'Bộ trưởng Bộ Nội vụ', personName: 'Illustrative Minister' },
};

/** One kind of shortcoming command. */
export type Command<T extends ShortcomingCommand['type']> = Extract<ShortcomingCommand, { type: T }>;

/** The unit's remediation plan. */
export const plan: Command<'SetRemediationPlan'> = {
  type: 'SetRemediationPlan',
  plan: 'Illustrative: train commune civil servants and issue the evaluation toolkit (183-KL/TW 3(1)(i))',
  targetDate: '2025-08-31',
};

/** The unit's claim that the remedy is done. */
export const report: Command<'ReportRemediation'> = {
  type: 'ReportRemediation',
  summary: 'Illustrative: training completed in every province',
  evidence: [{ kind: 'document', code: 'ILLUSTRATIVE-01/BC-BNV' }],
};

/** A shortcoming's history up to each status. */
export const flagged = story(flag);
export const inProgress = story(flag, plan);
export const reported = story(flag, plan, report);
export const verified = story(flag, plan, report, { type: 'VerifyRemediation' });
export const closedNotImplemented = story(flag, {
  type: 'CloseNotImplemented',
  reason: 'Illustrative: superseded',
});
export const dismissed = story(flag, {
  type: 'DismissShortcoming',
  reason: 'Illustrative: already remedied',
});
/** Every flagged status, and a history that reaches it. */
export const states: Record<Exclude<ShortcomingStatus, 'unflagged'>, ShortcomingEvent[]> = {
  open: flagged,
  in_progress: inProgress,
  remediation_reported: reported,
  closed_implemented: verified,
  closed_not_implemented: closedNotImplemented,
  dismissed,
};

/** The assertions the refusal helpers need, from any tap test. */
export type Asserts = Pick<TAP, 'throws' | 'ok' | 'same'>;

/** The refusal of a command in a state: 409 naming the state and what it does allow. */
export function refusedIn(t: Asserts, history: ShortcomingEvent[], command: ShortcomingCommand) {
  const error = t.throws(() => given(...history).when(command)) as InvalidStateError;
  t.ok(error instanceof InvalidStateError, `${command.type} is an invalid state`);
  return error.details as { state: string; allowedCommands: string[] };
}

/** The refusal of a command's field: 400 naming the path. */
export function invalid(t: Asserts, history: ShortcomingEvent[], command: ShortcomingCommand, path: string) {
  const error = t.throws(() => given(...history).when(command)) as ValidationError;
  t.ok(error instanceof ValidationError, `${command.type} is invalid`);
  t.same(
    error.issues.map((i) => i.path),
    [path],
  );
}
