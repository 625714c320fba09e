/**
 * The bounds of a YouTube capture, which the collector clips to and the schema (capture.ts) enforces. Kept apart
 * from the schema so the content script can import them without valibot.
 */
export const LIMITS = {
  /** A shown text: a count, a name, a handle. */
  text: 200,
  /** A title or a description. */
  long: 5000,
  /** An address, as a reading records it. */
  url: 2000,
  /** Texts of one header, tile or metadata line (a real one has two to five). */
  texts: 30,
  /** Channel links in one tile (a real one has one or two). */
  owners: 10,
  tiles: 500,
  /** Inline scripts that assign ytInitialData (a real page has one). */
  scripts: 3,
  /** One such script's text: the real one is 0.2–0.9 MB. */
  pageData: 20_000_000,
} as const;
