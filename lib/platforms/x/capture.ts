/**
 * What X's collector takes from a page (page.ts) and its reader interprets (reader.ts): the contract between the
 * content script and the worker, checked on arrival because the page is untrusted.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';

export { LIMITS } from './limits';

const text = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

/** An action-bar button or the views link: its aria-label (exact counts) and the text it shows (abbreviated). */
const ControlSchema = v.object({ label: text(LIMITS.label), text: text(LIMITS.text) });

const TweetSchema = v.object({
  /** The path of the post's own timestamp link (`/author/status/ID`), which names its author and id. */
  path: v.pipe(v.string(), v.maxLength(LIMITS.href)),
  datetime: text(LIMITS.datetime),
  /** The line above the post ("Pinned", "Kiko Beats reposted"). */
  context: text(LIMITS.text),
  caption: text(LIMITS.caption),
  /** The action bar's aria-label. */
  group: text(LIMITS.group),
  reply: v.optional(ControlSchema),
  repost: v.optional(ControlSchema),
  like: v.optional(ControlSchema),
  bookmark: v.optional(ControlSchema),
  views: v.optional(ControlSchema),
});

/** A follow-count link of the header: the number's own span (else the link's text) and a `title`, if any. */
const FollowLinkSchema = v.object({ text: text(LIMITS.text), title: text(LIMITS.text) });

const ProfileSchema = v.object({
  kind: v.literal('profile'),
  title: text(LIMITS.title),
  /** The header's text with the name and `@handle`, absent while the header has not rendered. */
  header: text(LIMITS.header),
  bio: text(LIMITS.caption),
  followers: v.optional(FollowLinkSchema),
  following: v.optional(FollowLinkSchema),
  /** The top bar's "23.9K posts", only when it holds a digit. */
  postsLine: text(LIMITS.text),
  /** The `application/ld+json` scripts' texts (a ProfilePage with exact totals). */
  jsonLd: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.jsonLd))), v.maxLength(LIMITS.scripts)),
  /** The timeline's posts in page order, promoted ones left out. */
  tweets: v.pipe(v.array(TweetSchema), v.maxLength(LIMITS.tweets)),
});

const PostSchema = v.object({
  kind: v.literal('post'),
  /** The post the URL names, once it has rendered. */
  tweet: v.optional(TweetSchema),
});

export const XCaptureSchema = v.variant('kind', [ProfileSchema, PostSchema, v.object({ kind: v.literal('other') })]);
export type XCapture = v.InferOutput<typeof XCaptureSchema>;
export type XTweet = v.InferOutput<typeof TweetSchema>;
export type XControl = v.InferOutput<typeof ControlSchema>;
export type XFollowLink = v.InferOutput<typeof FollowLinkSchema>;
