/**
 * What YouTube's collector takes from a page (page.ts) and its reader interprets (reader.ts): the contract between
 * the content script and the worker, checked on arrival because the page is untrusted.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';

export { LIMITS } from './limits';

const text = (max: number = LIMITS.text) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max?: number) => v.optional(text(max));
const texts = v.pipe(v.array(text()), v.maxLength(LIMITS.texts));

/** A channel as a link names it (see urls.ts). */
const ChannelRefSchema = v.object({
  by: v.picklist(['handle', 'id', 'c', 'user']),
  value: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});

/** The active channel page's header, as rendered. */
const HeaderSchema = v.object({
  /** 2024+ layouts: the metadata texts ("@MLB", "4.14M subscribers • 287K videos"), told apart by the reader. */
  metadata: v.optional(texts),
  /** The c4 layout (until 2024): handle (without "@"), subscriber and video texts, each in its own element. */
  handle: optionalText(),
  subscribers: optionalText(),
  videos: optionalText(),
  name: optionalText(),
  /** The description's preview (its first line). */
  bio: optionalText(LIMITS.long),
});

/** A video tile of the active channel tab; tiles repeated with the same owners are sent once. */
const TileSchema = v.object({
  /** The tile's watch or Shorts link, as a reading records an address. */
  url: text(LIMITS.url),
  /** The channels the tile links to: a tile linking only to other channels is another channel's video. */
  owners: v.pipe(v.array(ChannelRefSchema), v.maxLength(LIMITS.owners)),
  /** On the home tab: the tile (or a copy of it) sits in a shelf linking to the videos, Shorts or live tab. */
  inUploadsShelf: v.boolean(),
  liveBadge: v.boolean(),
  short: v.boolean(),
  /** The metadata line's texts (views and date, in an order that varies by layout). */
  texts,
  title: optionalText(LIMITS.long),
});

/** The inline scripts assigning `ytInitialData`, as text: parsed by the reader, in the worker, not in the page. */
const pageData = v.pipe(v.array(text(LIMITS.pageData)), v.maxLength(LIMITS.scripts));

/** The watch page whose `video-id` is the URL's, or the active Short, as rendered. */
const ShownVideoSchema = v.object({
  title: optionalText(LIMITS.long),
  owner: v.optional(ChannelRefSchema),
  subscribers: optionalText(),
  /** The texts under the video: views and date ("1M views", "3 years ago"). */
  info: texts,
  /** The date tooltip, which spells the full view count ("1,077,715 views • Apr 14, 2017"). */
  tooltip: optionalText(),
  /** The older layout's view counter. */
  legacyViews: optionalText(),
  likesShown: optionalText(),
  likesLabel: optionalText(),
  /** True when a like button was found, even one that shows no count. */
  likeButton: v.boolean(),
  comments: optionalText(),
});

const ChannelSchema = v.object({
  kind: v.literal('channel'),
  header: v.optional(HeaderSchema),
  tiles: v.pipe(v.array(TileSchema), v.maxLength(LIMITS.tiles)),
  pageData,
});

const VideoSchema = v.object({
  kind: v.literal('video'),
  shown: v.optional(ShownVideoSchema),
  pageData,
});

export const YouTubeCaptureSchema = v.variant('kind', [
  ChannelSchema,
  VideoSchema,
  v.object({ kind: v.literal('other') }),
]);
export type YouTubeCapture = v.InferOutput<typeof YouTubeCaptureSchema>;
export type YouTubeHeader = v.InferOutput<typeof HeaderSchema>;
export type YouTubeTile = v.InferOutput<typeof TileSchema>;
export type YouTubeShownVideo = v.InferOutput<typeof ShownVideoSchema>;
