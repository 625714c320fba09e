/**
 * What Instagram's collector takes from a page (page.ts) and its reader interprets (reader.ts): the contract
 * between the content script and the worker, checked on arrival because the page is untrusted.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { POST_ID } from './urls';

export { LIMITS } from './limits';

const string = (max: number) => v.pipe(v.string(), v.maxLength(max));
const text = (max: number) => v.optional(string(max));
const index = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * The served page's tags, as written (not cleaned: the reader splits them on " - " and quotes). Instagram does not
 * rewrite them on in-app navigation, so the reader uses them only when `url` names the page now shown.
 */
const ServedSchema = v.object({
  /** `og:url`, else the canonical link's `href`. */
  url: text(LIMITS.href),
  ogDescription: text(LIMITS.description),
  /** `<meta name=description>`: the English one ends in the bio or caption. */
  description: text(LIMITS.description),
  ogTitle: text(LIMITS.title),
  twitterTitle: text(LIMITS.title),
  ogType: text(LIMITS.text),
});

/** A leaf of the profile header whose text has a digit: maybe one of its three counts. */
const LeafSchema = v.object({
  text: string(LIMITS.leafText),
  /** The count its followers/following link or its English label names. */
  key: v.optional(v.picklist(['followers', 'following', 'posts'])),
  /** The `title` of an element wrapping exactly this text: the exact followers count. */
  title: text(LIMITS.text),
  /**
   * The leaf and its ancestors up to the header (those with one child element left out), as indexes into the
   * header's `parts`: enough for the reader to tell whether two counts sit in one row (every part of their common
   * ancestor holds exactly one count), which needs to know which leaves are counts, so it cannot be decided in the
   * page.
   */
  up: v.pipe(v.array(index), v.minLength(1), v.maxLength(LIMITS.depth)),
});

const HeaderSchema = v.object({
  leaves: v.pipe(v.array(LeafSchema), v.maxLength(LIMITS.leaves)),
  /** For each element an `up` names, its number of child elements. */
  parts: v.pipe(v.array(index), v.maxLength(LIMITS.leaves * LIMITS.depth)),
});

/** A grid tile: a link to one of the profile's posts. */
const TileSchema = v.object({
  /** The post's address as a reading records it. */
  url: string(LIMITS.href),
  id: v.pipe(v.string(), v.regex(new RegExp(`^${POST_ID}$`))),
  kind: v.picklist(['p', 'reel', 'tv']),
  pinned: v.boolean(),
  viewIcon: v.boolean(),
  /** The text with a number nearest the view icon. */
  views: text(LIMITS.text),
  /** The texts of the hover overlay's items (likes, comments), at most three: more than two say nothing either. */
  overlay: v.pipe(v.array(string(LIMITS.text)), v.maxLength(LIMITS.overlay)),
  caption: text(LIMITS.caption),
});

const ProfileSchema = v.object({
  kind: v.literal('profile'),
  served: ServedSchema,
  /** `document.title`, which Instagram does update on in-app navigation. */
  title: string(LIMITS.title),
  /** The rendered header showing the URL's handle, absent until it has rendered. */
  header: v.optional(HeaderSchema),
  /** The handle a header still shows when none shows the URL's (the previous profile's). */
  shownHandle: text(LIMITS.handle),
  /** Empty unless the header has rendered: tiles are attributed to the profile the header shows. */
  tiles: v.pipe(v.array(TileSchema), v.maxLength(LIMITS.tiles)),
});

/** The post as rendered in a dialog or the main column, where its timestamp or likes link is. */
const RenderedPostSchema = v.object({
  /** The `/liked_by/` link's text, and the whole sentence when a named liker comes before it. */
  likes: v.optional(v.object({ text: string(LIMITS.text), sentence: text(LIMITS.text) })),
  author: text(LIMITS.handle),
  /** The timestamp's `datetime`, as written. */
  time: text(LIMITS.text),
});

const PostSchema = v.object({
  kind: v.literal('post'),
  served: ServedSchema,
  /** Texts of the `script[type="application/json"]` that can hold the post's data: parsed by the reader. */
  media: v.pipe(v.array(string(LIMITS.pageData)), v.maxLength(LIMITS.scripts)),
  rendered: v.optional(RenderedPostSchema),
});

export const InstagramCaptureSchema = v.variant('kind', [
  ProfileSchema,
  PostSchema,
  v.object({ kind: v.literal('other') }),
]);
export type InstagramCapture = v.InferOutput<typeof InstagramCaptureSchema>;
export type InstagramServed = v.InferOutput<typeof ServedSchema>;
export type InstagramHeader = v.InferOutput<typeof HeaderSchema>;
export type InstagramLeaf = v.InferOutput<typeof LeafSchema>;
export type InstagramTile = v.InferOutput<typeof TileSchema>;
export type InstagramRenderedPost = v.InferOutput<typeof RenderedPostSchema>;
