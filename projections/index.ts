import type { Projection } from '../src/projections/projection.js';
import { accessTokensProjection } from './access-tokens.js';
import { ledgerStreams } from './ledger-streams.js';
import { unitsProjection } from './units.js';

/** Every read model the runner keeps current, in the order it applies them. */
export const projections: readonly Projection[] = [ledgerStreams, unitsProjection, accessTokensProjection];
