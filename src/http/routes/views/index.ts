import type { App } from '../../app-type.js';
import { accountabilityRoutes } from './accountability.js';
import { directiveProgressRoutes } from './directive-progress.js';
import { inspectionQueueRoutes } from './inspection-queue.js';
import { registerRoutes } from './register.js';
import { reportingComplianceRoutes } from './reporting-compliance.js';
import { timelineRoutes } from './timeline.js';
import { unitGapsRoutes } from './unit-gaps.js';

/** The read side: registers, queues, progress and packs, each answerable as of any moment. */
export async function viewRoutes(app: App): Promise<void> {
  // Each view's routes register here, one line per module.
  await app.register(registerRoutes);
  await app.register(inspectionQueueRoutes);
  await app.register(accountabilityRoutes);
  await app.register(timelineRoutes);
  await app.register(unitGapsRoutes);
  await app.register(directiveProgressRoutes);
  await app.register(reportingComplianceRoutes);
}
