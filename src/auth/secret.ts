import { createHash, randomBytes } from 'node:crypto';

// A prefix makes a leaked secret recognisable to secret scanners and to people.
const PREFIX = 'ovs_';

/** A new bearer secret: 256 random bits, base64url, shown once and never stored. */
export function newSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** What the ledger keeps of a secret: its SHA-256, hex. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
