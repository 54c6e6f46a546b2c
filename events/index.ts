import { EventCatalogue, type EventDefinition } from './catalogue.js';
import { directiveEvents } from './directives.js';
import { monthlyReportEvents } from './monthly-reports.js';
import { shortcomingEvents } from './shortcomings.js';
import { taskEvents } from './tasks.js';
import { tokenEvents } from './tokens.js';
import { unitEvents } from './units.js';

/** Every released event type. */
export const eventDefinitions: readonly EventDefinition[] = [
  ...unitEvents,
  ...tokenEvents,
  ...directiveEvents,
  ...taskEvents,
  ...shortcomingEvents,
  ...monthlyReportEvents,
];

/** The catalogue the application validates appends against and upcasts reads with. */
export const catalogue = new EventCatalogue(eventDefinitions);
