import { EventCatalogue, type EventDefinition } from './catalogue.js';
import { unitEvents } from './units.js';

/** Every released event type. Domain events are added here as their streams are built. */
export const eventDefinitions: readonly EventDefinition[] = [...unitEvents];

/** The catalogue the application validates appends against and upcasts reads with. */
export const catalogue = new EventCatalogue(eventDefinitions);
