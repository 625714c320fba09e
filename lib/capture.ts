/**
 * What a content script sends the background: a page's capture (see lib/platforms/platform.ts), with where and
 * when it was taken. The envelope is checked here; its `data` by the platform's own schema when it is interpreted.
 */
import * as v from 'valibot';
import { issueText, PlatformSchema } from './reading';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const PageCaptureSchema = v.object({
  platform: PlatformSchema,
  /** The page's address as a reading records it (lib/platforms/page-text.ts readingUrl). */
  url: shortText(2000),
  /** The page's `<html lang>`, which decides how its numbers are read. */
  lang: shortText(35),
  /** Milliseconds since the epoch. */
  readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Set when collecting failed in the page: the reader reports it instead of reading. */
  problem: v.optional(shortText(300)),
  data: v.unknown(),
});

/** A page's capture; `Data` is the platform's capture type (unknown until its schema has checked it). */
export type PageCapture<Data = unknown> = Omit<v.InferOutput<typeof PageCaptureSchema>, 'data'> & { data: Data };

/** Checks an untrusted envelope; the platform's reader checks `data`. */
export function validateCapture(input: unknown): { ok: true; capture: PageCapture } | { ok: false; problem: string } {
  const result = v.safeParse(PageCaptureSchema, input);
  if (result.success) return { ok: true, capture: result.output };
  return { ok: false, problem: issueText(result.issues[0]) };
}
