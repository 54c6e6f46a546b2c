/** A name quoted as a PostgreSQL identifier, for tables and columns named at run time. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
