import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '../../errors.js';

// C0 controls other than tab, newline and carriage return have no place in names, codes or
// narratives; NUL in particular cannot be stored in PostgreSQL text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Issues = { path: string; message: string }[];

function normalise(value: unknown, path: string, issues: Issues): unknown {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) issues.push({ path, message: 'contains a control character (e.g. NUL)' });
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => normalise(v, `${path}.${i}`, issues));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (CONTROL.test(k))
          issues.push({ path: `${path}.${k}`, message: 'a key contains a control character' });
        return [k.normalize('NFC'), normalise(v, `${path}.${k}`, issues)];
      }),
    );
  }
  return value;
}

/**
 * Texts are stored as given but in NFC, so "Bộ Nội vụ" typed with combining marks and with
 * precomposed letters is one name, one code, one search hit. Runs before validation.
 */
export const textNormalizationPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      const issues: Issues = [];
      request.body = normalise(request.body, 'body', issues);
      request.params = normalise(request.params, 'params', issues);
      request.query = normalise(request.query, 'querystring', issues);
      if (issues.length) throw new ValidationError('the request contains text that cannot be stored', issues);
    });
  },
  { name: 'oversight-text-normalization' },
);
