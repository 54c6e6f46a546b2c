import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../src/app.js';
import type { Role } from '../../src/auth/principal.js';
import { issueToken } from '../../src/domain/tokens/issue.js';
import type { App } from '../../src/http/app-type.js';
import type { Backend } from './backends.js';

/** An app on a fresh database of the backend, and a way to mint tokens for it. */
export async function testApp(backend: Backend) {
  const { storage, drop } = await backend.open();
  const app = await buildApp({ storage });
  const close = async () => {
    await app.close();
    await drop();
  };
  /** Issues a token straight through the domain, as `oversight token create` does. */
  const token = async (role: Role, unitId: string | null = null, name = `${role} (test)`) => {
    const issued = await issueToken(
      app.ledger,
      { name, role, unitId },
      {
        now: new Date(),
        newId: uuidv7,
        actor: { id: 'cli:test', role: 'admin', name: 'test' },
      },
    );
    return { id: issued.response.id, secret: issued.secret as string };
  };
  return { app, token, close, call: caller(app) };
}

/** A request through `inject` with a bearer secret, a JSON body and extra headers. */
export function caller(app: App) {
  return (
    method: 'GET' | 'POST',
    url: string,
    options: { secret?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    app.inject({
      method,
      url,
      headers: {
        ...(options.secret ? { authorization: `Bearer ${options.secret}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
}
