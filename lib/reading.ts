/**
 * The typed reading a platform reader produces from a page, and the schema that checks it.
 *
 * A reading crosses from a content script (which runs beside an untrusted page) to the background worker, so the
 * same valibot schema is both the type the readers build and the validator the background applies to every
 * message. Counts are never bare numbers: each says where it came from and whether it is exact, and a count that
 * could not be read is `unknown` with a reason — never 0 or NaN.
 */
import * as v from 'valibot';

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x'] as const;
export const PlatformSchema = v.picklist(PLATFORMS);
/** A supported social platform. */
export type Platform = v.InferOutput<typeof PlatformSchema>;

/** Where on the page a count was read from, most trusted first in the readers' fallback order. */
export const COUNT_SOURCES = [
  'title-attribute',
  'aria-label',
  'visible-text',
  'json-ld',
  'page-data',
  'meta-tag',
  'manual',
] as const;
export const CountSourceSchema = v.picklist(COUNT_SOURCES);
export type CountSource = v.InferOutput<typeof CountSourceSchema>;

const count = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(1e13));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A count that was read: its value, the text a person sees, and the range the text can stand for. */
export const KnownCountSchema = v.pipe(
  v.object({
    status: v.literal('known'),
    value: count,
    /** The text shown on the page ("783.4K"), or the raw attribute/data value when nothing is shown. */
    text: shortText(200),
    /** True when `value` is the precise number, false when it is only what an abbreviation stands for. */
    exact: v.boolean(),
    /** The smallest and largest true values the shown text is consistent with (equal to `value` when exact). */
    min: count,
    max: count,
    source: CountSourceSchema,
  }),
  v.check((c) => c.min <= c.value && c.value <= c.max, 'min ≤ value ≤ max'),
);
/** The creator chose to hide this count (e.g. Instagram's hidden likes): it is not zero. */
export const HiddenCountSchema = v.object({
  status: v.literal('hidden'),
  reason: shortText(300),
  source: CountSourceSchema,
});
/** The count could not be read; `reason` says why in words a marketer understands. */
export const UnknownCountSchema = v.object({
  status: v.literal('unknown'),
  reason: shortText(300),
});
export const CountFieldSchema = v.variant('status', [KnownCountSchema, HiddenCountSchema, UnknownCountSchema]);
export type KnownCount = v.InferOutput<typeof KnownCountSchema>;
export type CountField = v.InferOutput<typeof CountFieldSchema>;

/** One post, video, reel or short as the page shows it. */
export const PostReadingSchema = v.object({
  /** The platform's id for the post (shortcode, video id, status id). */
  id: shortText(100),
  url: v.optional(shortText(2000)),
  format: v.picklist(['post', 'video', 'reel', 'short', 'live']),
  /** Pinned to the top of the profile: old or promoted, so left out of "recent" engagement. */
  pinned: v.boolean(),
  /** A repost of another account's post: not the creator's own engagement. */
  repost: v.boolean(),
  likes: CountFieldSchema,
  comments: CountFieldSchema,
  views: CountFieldSchema,
  shares: CountFieldSchema,
  saves: CountFieldSchema,
  /** Caption or title text as shown, for niche matching. Plain text, never HTML. */
  caption: v.optional(shortText(5000)),
  /** ISO 8601 date when the page shows one. */
  publishedAt: v.optional(shortText(40)),
});
export type PostReading = v.InferOutput<typeof PostReadingSchema>;

const common = {
  platform: PlatformSchema,
  /** The page's URL when it was read. */
  url: shortText(2000),
  /** The page's language (`<html lang>`), which decides how its numbers were parsed. */
  lang: shortText(35),
  /** Milliseconds since the epoch. */
  readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
};

/** A creator's profile or channel page. */
export const ProfileReadingSchema = v.object({
  kind: v.literal('profile'),
  ...common,
  /** The handle without "@", as in the URL (channel id for YouTube channels that have no handle). */
  handle: v.pipe(shortText(100), v.minLength(1)),
  displayName: v.optional(shortText(200)),
  bio: v.optional(shortText(5000)),
  followers: CountFieldSchema,
  following: CountFieldSchema,
  /** Posts, videos or tweets published, as the platform counts them. */
  posts: CountFieldSchema,
  /** Total likes received across the profile (TikTok shows it). */
  totalLikes: CountFieldSchema,
  /** The posts visible on the page, in page order (most recent first, pinned ones marked). */
  recentPosts: v.pipe(v.array(PostReadingSchema), v.maxLength(500)),
});
export type ProfileReading = v.InferOutput<typeof ProfileReadingSchema>;

/** A single post, video or reel page. */
export const PostPageReadingSchema = v.object({
  kind: v.literal('post'),
  ...common,
  author: v.pipe(shortText(100), v.minLength(1)),
  post: PostReadingSchema,
  /** Some post pages also show the author's follower count (YouTube's watch page). */
  authorFollowers: v.optional(CountFieldSchema),
});
export type PostPageReading = v.InferOutput<typeof PostPageReadingSchema>;

/** A page on a supported site that is not something the extension can read, with the reason. */
export const OtherPageReadingSchema = v.object({
  kind: v.literal('other'),
  ...common,
  reason: shortText(300),
});
export type OtherPageReading = v.InferOutput<typeof OtherPageReadingSchema>;

export const ReadingSchema = v.variant('kind', [ProfileReadingSchema, PostPageReadingSchema, OtherPageReadingSchema]);
/** Everything a reader can say about a page. */
export type Reading = v.InferOutput<typeof ReadingSchema>;

/** Checks an untrusted value (e.g. a message from a content script); returns the reading or the first problem. */
export function validateReading(input: unknown): { ok: true; reading: Reading } | { ok: false; problem: string } {
  const result = v.safeParse(ReadingSchema, input);
  if (result.success) return { ok: true, reading: result.output };
  return { ok: false, problem: issueText(result.issues[0]) };
}

/** "path.to.field: message", naming where an untrusted value failed its schema. */
export function issueText(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
  return `${path}: ${issue.message}`;
}

/** A count field for a value that could not be read. */
export function unknownCount(reason: string): CountField {
  return { status: 'unknown', reason };
}

/** The value of a count if it is known, otherwise undefined. */
export function knownValue(field: CountField | undefined): number | undefined {
  return field?.status === 'known' ? field.value : undefined;
}
