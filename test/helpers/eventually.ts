/**
 * Polls `read` until `done` holds (or 10 s pass) and returns the last answer. Readers and seals
 * see the log up to the cluster-wide xmin, which any transaction on the server (another test
 * file's database, running in parallel) can hold back for a moment: delayed, never reordered.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
