/**
 * The capture's limits, which the collector clips to so that its captures always pass the schema. Kept apart from
 * capture.ts so that the content script can use them without bundling the schema library.
 */
export const LIMITS = {
  /** Shown texts: counts, the line above a post. */
  text: 200,
  /** The page title, which names the profile. */
  title: 1000,
  /** The profile header's name and @handle (read for the handle only). */
  header: 500,
  /** Bios and post texts. */
  caption: 5000,
  /** A post's action-bar aria-label ("10 replies, 1 repost, 27 likes, …"). */
  group: 500,
  /** A button's own aria-label ("18151 Replies. Reply"). */
  label: 1000,
  /** A post's `<time datetime>`, as long as a reading keeps it. */
  datetime: 40,
  href: 2000,
  /** The real timeline holds a few dozen posts at a time; a page repeating them must stay bounded. */
  tweets: 500,
  /** JSON-LD scripts and the length of each (the real one is ~3 KB), parsed by the reader in the worker. */
  scripts: 10,
  jsonLd: 1_000_000,
} as const;
