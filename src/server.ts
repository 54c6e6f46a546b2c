import { buildApp } from './app.js';
import type { Config } from './config.js';
import { seedEmptyStore, whereToLook } from './first-start.js';

/** Starts the HTTP service and seals the ledger periodically; stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const app = await buildApp({ storage: config.storage, logger: { level: config.logLevel } });
  // Seals keep the tamper-evident window short: an event is covered by a seal within seconds.
  const sealer = setInterval(() => {
    app.ledger.seal().catch((error) => app.log.warn({ err: error }, 'sealing failed'));
  }, 5000);
  sealer.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(sealer);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const secret = config.seedOnStart
    ? await seedEmptyStore(app.ledger, (msg) => app.log.info(`seeding: ${msg}`))
    : null;
  await app.listen({ host: config.host, port: config.port });
  const base = `http://${config.host}:${config.port}`;
  app.log.info(`Oversight on ${base} (${app.database.description})`);
  // Printed plainly, not logged as JSON: this is for the person who just ran `npm start`.
  const lines = whereToLook(base);
  if (secret) {
    lines.push(
      '',
      'The store was empty and has been seeded: the facts of DOMAIN.md, plus an ILLUSTRATIVE scenario',
      '(marked scenario: true on every event it wrote). A viewer token to try the API with (shown once):',
      `  export OVERSIGHT_TOKEN=${secret}`,
      `  curl -H "Authorization: Bearer $OVERSIGHT_TOKEN" ${base}/units/BNV`,
    );
  } else {
    lines.push(
      '',
      'Tokens: npx oversight token create --role viewer   (admin, secretariat, inspection, unit --unit ID)',
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
