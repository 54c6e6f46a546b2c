import pg from 'pg';

/** A throwaway database on the server under test, created for one bench run and dropped after. */
export interface ScratchDatabase {
  name: string;
  url: string;
  server: { version: string; settings: Record<string, string> };
  /** Drops the database once its connections are closed; `force` cuts any still open. */
  drop(options?: { force?: boolean }): Promise<void>;
}

/** The admin URL with any password hidden, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Thrown when no PostgreSQL server answers at the admin URL. */
export class ServerUnreachableError extends Error {}

async function connectAdmin(adminUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new ServerUnreachableError(
      `cannot reach PostgreSQL at ${redact(adminUrl)}: ${(error as Error).message}\n` +
        'The benchmark needs a real PostgreSQL server (PGlite is not what it measures). Start one, or ' +
        'point BENCH_DATABASE_URL (or DATABASE_URL) at a server where this user may CREATE DATABASE.',
    );
  }
}

/** Creates `oversight_bench_<timestamp>` through the admin URL; `drop()` removes it. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const admin = await connectAdmin(adminUrl);
  const name = `oversight_bench_${Date.now()}`;
  try {
    const { rows } = await admin.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
       where name in ('server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'max_connections')`,
    );
    const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    let dropping: Promise<void> | undefined;
    const dropNow = async (force: boolean) => {
      const client = await connectAdmin(adminUrl);
      const drop = `drop database if exists ${pg.escapeIdentifier(name)}`;
      try {
        if (force) {
          await client.query(`${drop} with (force)`);
          return;
        }
        // A plain drop waits up to 5 s for closed pools' backends to exit; kill only stragglers.
        await client.query(drop).catch(async (error: { code?: string }) => {
          if (error.code !== '55006') throw error; // object_in_use
          await client.query(`${drop} with (force)`);
        });
      } finally {
        await client.end();
      }
    };
    return {
      name,
      url: url.toString(),
      server: { version: settings.server_version ?? 'unknown', settings },
      drop(options = {}) {
        if (options.force) return dropNow(true);
        dropping ??= dropNow(false);
        return dropping;
      },
    };
  } finally {
    await admin.end();
  }
}
