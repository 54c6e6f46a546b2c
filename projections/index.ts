import type { Projection } from '../src/projections/projection.js';
import { accessTokensProjection } from './access-tokens.js';
import { ledgerStreams } from './ledger-streams.js';
import { unitsProjection } from './units.js';
import { changes } from './views/changes.js';
import { directiveDocuments } from './views/directives.js';
import { monthlyReportDocuments } from './views/monthly-reports.js';
import { shortcomingDocuments } from './views/shortcomings.js';
import { taskDocuments } from './views/tasks.js';
import { unitDocuments } from './views/units.js';

/** The read models the ledger and access control stand on, whatever the domain's events. */
export const foundationProjections: readonly Projection[] = [
  ledgerStreams,
  unitsProjection,
  accessTokensProjection,
];

/** Every read model the runner keeps current, in the order it applies them. */
export const projections: readonly Projection[] = [
  ...foundationProjections,
  unitDocuments,
  directiveDocuments,
  taskDocuments,
  shortcomingDocuments,
  monthlyReportDocuments,
  changes,
] as Projection[];
