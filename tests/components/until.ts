/** Polls every 10 ms until `probe` gives a value (up to `tries` times), for UI that settles asynchronously. */
export async function until<T>(probe: () => T | undefined | null | false, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
