import t, { type Test } from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import type { App } from '../../src/http/app-type.js';
import { backends } from './backends.js';
import { testApp } from './http.js';

/**
 * Runs `body` once per backend (PGlite, and the server when a URL is set), each time against a
 * fresh app holding the real seed data, closed when the subtest ends.
 */
export async function onEachBackendSeeded(body: (t: Test, app: App) => Promise<void>): Promise<void> {
  for (const backend of await backends()) {
    t.test(backend.name, async (t) => {
      const { app, close } = await testApp(backend);
      t.teardown(close);
      await loadSeeds(app.ledger);
      await body(t, app);
    });
  }
}
