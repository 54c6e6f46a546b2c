import path from 'node:path';

/** Where the ledger lives: a PostgreSQL server, or embedded PGlite in a data directory (or memory). */
export type StorageConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | 'memory' };

/** Runtime configuration, read once from the environment at the edge. */
export interface Config {
  storage: StorageConfig;
  host: string;
  port: number;
  logLevel: string;
  /** Seed an empty store on `serve` (OVERSIGHT_SEED=0 opts out). */
  seedOnStart: boolean;
}

/** Reads DATABASE_URL, OVERSIGHT_DATA_DIR, HOST, PORT, LOG_LEVEL and OVERSIGHT_SEED. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const storage: StorageConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: numberOr(env.DATABASE_POOL_SIZE, 10) }
    : { kind: 'pglite', dataDir: path.resolve(env.OVERSIGHT_DATA_DIR ?? './data') };
  return {
    storage,
    host: env.HOST ?? '127.0.0.1',
    port: numberOr(env.PORT, 3000),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedOnStart: !['0', 'false', 'no', 'off'].includes((env.OVERSIGHT_SEED ?? '').toLowerCase()),
  };
}

function numberOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
}
