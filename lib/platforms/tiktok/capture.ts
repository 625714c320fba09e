/**
 * What TikTok's collector takes from a page (page.ts) and its reader interprets (reader.ts): the contract between
 * the content script and the worker, checked on arrival because the page is untrusted.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';

export { LIMITS };

const text = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

/** `#__UNIVERSAL_DATA_FOR_REHYDRATION__`'s text: parsed by the reader, in the worker, not in the page. */
const pageData = text(LIMITS.pageData);

const TileSchema = v.object({
  href: v.pipe(v.string(), v.maxLength(LIMITS.href)),
  views: text(LIMITS.text),
  pinned: v.boolean(),
  caption: text(LIMITS.caption),
});

const ProfileSchema = v.object({
  kind: v.literal('profile'),
  /** The handle the header shows (`[data-e2e=user-title]`), absent while the header has not rendered. */
  shownHandle: text(LIMITS.text),
  displayName: text(LIMITS.text),
  bio: text(LIMITS.caption),
  followers: text(LIMITS.text),
  following: text(LIMITS.text),
  likes: text(LIMITS.text),
  tiles: v.pipe(v.array(TileSchema), v.maxLength(LIMITS.tiles)),
  pageData,
});

const VideoSchema = v.object({
  kind: v.literal('video'),
  /** The feed article showing the URL's video, when it has rendered. */
  article: v.optional(
    v.object({
      likes: text(LIMITS.text),
      comments: text(LIMITS.text),
      shares: text(LIMITS.text),
      saves: text(LIMITS.text),
      caption: text(LIMITS.caption),
    }),
  ),
  pageData,
});

export const TikTokCaptureSchema = v.variant('kind', [
  ProfileSchema,
  VideoSchema,
  v.object({ kind: v.literal('other') }),
]);
export type TikTokCapture = v.InferOutput<typeof TikTokCaptureSchema>;
export type TikTokTile = v.InferOutput<typeof TileSchema>;
