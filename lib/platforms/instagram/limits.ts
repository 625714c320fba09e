/**
 * The limits of an Instagram capture, which the collector clips to so that its captures always pass the schema
 * (capture.ts). Apart from the schema so that the content script imports them without valibot.
 */
export const LIMITS = {
  /** A cleaned page text (cleanText's default). */
  text: 200,
  /** A header number's text: longer ones are not counts. */
  leafText: 40,
  /** A username. */
  handle: 30,
  caption: 5000,
  href: 2000,
  /** `document.title`, `og:title`, `twitter:title`. */
  title: 2000,
  /** A served description: counts, name and a caption of at most 2,200 characters. */
  description: 20_000,
  /**
   * Short texts with a digit in a profile header (a real one shows a handful), and how many of a number's
   * ancestors under the header may branch: far more than a real header has, so only a hostile page loses any.
   */
  leaves: 2000,
  depth: 100,
  tiles: 500,
  /** A one-item hover overlay shows one count, two show likes and comments; a third says "neither". */
  overlay: 3,
  /** Embedded data scripts that can hold the post, and their total length. */
  scripts: 20,
  pageData: 20_000_000,
} as const;
