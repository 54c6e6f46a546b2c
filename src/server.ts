import { buildApp } from './app.js';
import type { Config } from './config.js';

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
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    `Oversight on http://${config.host}:${config.port} — API docs /docs, health /health, ledger head /ledger/head (${app.database.description})`,
  );
}
