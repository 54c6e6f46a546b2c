import { handleCommand, loadState } from '../src/domain/handle-command.js';
import { monthlyReportDecider } from '../src/domain/monthly-reports/decide.js';
import { monthlyReportStreamId } from '../src/domain/monthly-reports/monthly-report.js';
import { shortcomingDecider } from '../src/domain/shortcomings/decide.js';
import { flagShortcoming } from '../src/domain/shortcomings/flag.js';
import { taskDecider } from '../src/domain/tasks/decide.js';
import { unitDecider } from '../src/domain/units/decide.js';
import { headOn } from '../src/domain/units/unit.js';
import type { Ledger, WriteOutcome } from '../src/ledger/ledger.js';
import { seedContext, seedId, seedKey } from './context.js';
import { type SeedTally, seedTaskId, tally } from './load-facts.js';
import { type ScenarioStep, scenario } from './scenario.js';

/** The id of an illustrative shortcoming of the scenario. */
export const scenarioShortcomingId = (name: string) => seedId(`scenario:shortcoming:${name}`);

// Vietnam time, as the scenario is written.
const instant = (at: string) => new Date(`${at}:00+07:00`);

async function run(ledger: Ledger, step: ScenarioStep): Promise<WriteOutcome<unknown>> {
  const context = seedContext(step.role, { scenario: true, onBehalfOf: step.unit });
  const occurredAt = instant(step.at);
  switch (step.kind) {
    case 'head': {
      const command = {
        type: 'AppointHead' as const,
        title: step.title,
        personName: step.personName,
        effectiveFrom: step.at.slice(0, 10),
      };
      return handleCommand(
        ledger,
        unitDecider,
        step.unitId,
        command,
        context,
        seedKey(`scenario:head:${step.unitId}:${step.at}`, command),
      );
    }
    case 'task': {
      const id = seedTaskId(...step.task);
      const command = { ...step.command, occurredAt } as never;
      return handleCommand(
        ledger,
        taskDecider,
        id,
        command,
        context,
        seedKey(`scenario:task:${id}:${step.command.type}:${step.at}`, step),
      );
    }
    case 'flag': {
      const { state: unit } = await loadState(ledger, unitDecider, step.unitId);
      const head = headOn(unit, step.at.slice(0, 10));
      const command = {
        type: 'FlagShortcoming' as const,
        unitId: step.unitId,
        inspectionUnitId: 'UBKTTW',
        supervisionReport: step.report,
        category: step.category as never,
        severity: step.severity as never,
        description: step.description,
        accountableOfficial: head ? { title: head.title, personName: head.personName } : null,
        recurrenceOf: step.recurrenceOf ? scenarioShortcomingId(step.recurrenceOf) : null,
        occurredAt,
      };
      return flagShortcoming(
        ledger,
        scenarioShortcomingId(step.id),
        command,
        context,
        seedKey(`scenario:flag:${step.id}`, step),
      );
    }
    case 'shortcoming': {
      const id = scenarioShortcomingId(step.id);
      const command = { ...step.command, occurredAt } as never;
      return handleCommand(
        ledger,
        shortcomingDecider,
        id,
        command,
        context,
        seedKey(`scenario:shortcoming:${step.id}:${step.command.type}:${step.at}`, step),
      );
    }
    case 'report': {
      const command = {
        type: 'FileMonthlyReport' as const,
        unitId: step.unitId,
        period: step.period,
        summary: step.summary,
        occurredAt,
      };
      const id = monthlyReportStreamId(step.unitId, step.period);
      return handleCommand(
        ledger,
        monthlyReportDecider,
        id,
        command,
        context,
        seedKey(`scenario:report:${id}`, step),
      );
    }
  }
}

/** Loads the illustrative scenario (after the facts), each step idempotent. */
export async function loadScenario(
  ledger: Ledger,
  t: SeedTally,
  progress: (msg: string) => void,
): Promise<void> {
  for (const step of scenario) tally(t, await run(ledger, step));
  progress(`illustrative scenario: ${scenario.length} steps`);
}
