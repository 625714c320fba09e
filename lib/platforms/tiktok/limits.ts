/**
 * Limits the collector clips to, so that its captures always pass the schema (capture.ts). Apart from the schema
 * so that the page side imports no valibot.
 */
export const LIMITS = { text: 200, caption: 5000, href: 2000, tiles: 500, pageData: 20_000_000 } as const;
