import type { App } from '../../app-type.js';
import { accountabilityRoutes } from './accountability.js';
import { inspectionQueueRoutes } from './inspection-queue.js';
import { registerRoutes } from './register.js';
import { timelineRoutes } from './timeline.js';

/** The read side: registers, queues, progress and packs, each answerable as of any moment. */
export async function viewRoutes(app: App): Promise<void> {
  // Each view's routes register here, one line per module.
  await app.register(registerRoutes);
  await app.register(inspectionQueueRoutes);
  await app.register(accountabilityRoutes);
  await app.register(timelineRoutes);
}
