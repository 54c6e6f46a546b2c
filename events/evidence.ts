import { z } from 'zod';

/** One piece of evidence: a document by its code, a published page, or an uploaded file's hash. */
export const evidenceItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), code: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }) }),
  z.object({
    kind: z.literal('file'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
    name: z.string().trim().min(1).max(300).nullable().optional(),
  }),
]);

/** The evidence a claim rests on: at least one item. */
export const evidenceSchema = z.array(evidenceItemSchema).min(1);

/** One piece of evidence. */
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** The evidence a claim rests on. */
export type Evidence = z.infer<typeof evidenceSchema>;
