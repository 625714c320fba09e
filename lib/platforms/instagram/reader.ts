/**
 * Instagram in the worker: a capture from page.ts interpreted into a reading.
 *
 * - The served tags describe the URL the server sent and are not rewritten on in-app navigation, so they are
 *   read only when their `og:url` (else canonical link) names the page now shown; their counts are placed by
 *   English label words, else by Instagram's fixed order.
 * - The rendered header's counts are found among the short texts with a digit the collector sends: placed by
 *   followers/following link, English label, or — for followers — the `title` only that stat has; in other
 *   languages the two counts beside the followers take Instagram's order (posts, followers, following), provided
 *   they sit in one row with it.
 * - A post's embedded data (`xdt_api__v1__media__shortcode__web_info.items[]`) holds exact counts and
 *   `like_and_view_counts_disabled`, the creator's choice to hide likes; it is used only for the URL's post.
 */
import type { CountField, KnownCount, PostReading, Reading } from '../../reading';
import { unknownCount as unknown } from '../../reading';
import { countFromText, exactCount, firstKnown, upgradeToExact } from '../fields';
import { defineReader, type ReadingBase } from '../define-reader';
import { exactInteger, sameHandle } from '../page-numbers';
import { cleanText } from '../page-text';
import {
  InstagramCaptureSchema,
  type InstagramCapture,
  type InstagramHeader,
  type InstagramLeaf,
  type InstagramRenderedPost,
  type InstagramServed,
  type InstagramTile,
} from './capture';
import { STAT_WORDS, type StatKey } from './labels';
import { instagramPage } from './page';
import { postPath, profileHandle, PROFILE_PATH, USER, type PostPath } from './urls';

type Capture<K extends InstagramCapture['kind']> = Extract<InstagramCapture, { kind: K }>;

const NO_SHARES = "Instagram doesn't show shares to visitors";
const NO_SAVES = "Instagram doesn't show saves to visitors";
const HIDDEN_LIKES = "the creator hides this post's like count";

/** "Pluto (@pluto__travel) • …": the name, and the handle it belongs to. */
const NAMED = new RegExp(`^(.*?)\\s*\\(@(${USER})\\)`);
const AUTHOR_IN_TITLE = new RegExp(`\\(@(${USER})\\)`);
const AUTHOR_FIRST = new RegExp(`^(${USER})\\s`);

// ——— Meta tags of the served page ———

/** The path the served page's tags describe. */
function servedPath(served: InstagramServed): string | undefined {
  if (!served.url) return undefined;
  try {
    return new URL(served.url, 'https://www.instagram.com/').pathname;
  } catch {
    return undefined;
  }
}

/** The description's counts part ("2,362 Followers, 136 Following, 224 Posts") and the rest after " - ". */
function description(served: InstagramServed): { counts: string[]; rest: string } | undefined {
  const text = served.ogDescription ?? served.description;
  if (!text) return undefined;
  const cut = text.indexOf(' - ');
  const head = cut < 0 ? text : text.slice(0, cut);
  // ", " (or an ideographic comma) separates the counts; a "," between digits is a thousands separator.
  const counts = head
    .split(/[,，、]\s+|[、，]/)
    .map((s) => cleanText(s))
    .filter((s) => /\p{Nd}/u.test(s));
  return { counts, rest: cut < 0 ? '' : text.slice(cut + 3) };
}

/**
 * Counts from the description, placed by their English label words, else — for other languages — by Instagram's
 * fixed order, but only when exactly as many counts as `order` names were found.
 */
function describedCounts<K extends string>(
  parts: string[],
  lang: string,
  words: Readonly<Record<string, K>>,
  order: readonly K[],
): Partial<Record<K, CountField>> {
  const out: Partial<Record<K, CountField>> = {};
  for (const part of parts) {
    const word = (part.toLowerCase().match(/\p{L}+/gu) ?? []).find((w) => words[w]);
    const key = word ? words[word] : undefined;
    if (key && !out[key]) out[key] = countFromText(part, lang, 'meta-tag', key);
  }
  if (Object.keys(out).length === 0 && parts.length === order.length) {
    order.forEach((key, i) => (out[key] = countFromText(parts[i], lang, 'meta-tag', key)));
  }
  return out;
}

interface ProfileMeta {
  followers?: CountField;
  following?: CountField;
  posts?: CountField;
  displayName?: string;
  bio?: string;
}

/** What the served page's tags say about `handle`, or undefined when they describe another page. */
function profileMeta(served: InstagramServed, handle: string, lang: string): ProfileMeta | undefined {
  const path = servedPath(served);
  const described = path ? PROFILE_PATH.exec(path)?.[1] : undefined;
  if (!sameHandle(described, handle)) return undefined;
  const desc = description(served);
  const counts = desc ? describedCounts(desc.counts, lang, STAT_WORDS, ['followers', 'following', 'posts']) : {};
  const name = nameBefore(served.ogTitle, handle);
  // The English description ends in the bio: `… on Instagram: "Home of travel — …"`.
  const bio = /:\s*"([\s\S]*)"\s*$/.exec(served.description ?? '')?.[1];
  return { ...counts, displayName: name, bio: cleanText(bio, 5000) || undefined };
}

/** "Pluto (@pluto__travel) • Instagram photos and videos" → "Pluto", when it names `handle`. */
function nameBefore(title: string | undefined, handle: string): string | undefined {
  const m = NAMED.exec(title ?? '');
  return m?.[2] && sameHandle(m[2], handle) ? cleanText(m[1]) || undefined : undefined;
}

// ——— Rendered profile header ———

interface Stat {
  leaf: InstagramLeaf;
  shown: CountField;
  key?: StatKey;
  /** The exact count of a `title` attribute wrapping the number. */
  title?: number;
}

/**
 * True when two counts sit in one row: every part (child) of their lowest common ancestor holds exactly one count.
 * The leaves' `up` lists name each element from the leaf up to the header; `parts` says how many children it has.
 */
function inOneRow(a: InstagramLeaf, b: InstagramLeaf, stats: Stat[], parts: number[]): boolean {
  const row = a.up.find((id) => b.up.includes(id));
  if (row === undefined) return true;
  const perPart = new Map<number | undefined, number>();
  for (const { leaf } of stats) {
    const at = leaf.up.indexOf(row);
    if (at > 0) perPart.set(leaf.up[at - 1], (perPart.get(leaf.up[at - 1]) ?? 0) + 1);
  }
  return perPart.size === (parts[row] ?? 0) && [...perPart.values()].every((n) => n === 1);
}

/**
 * The header's followers, following and posts: the leaves whose text is a count, placed by their followers/
 * following link, their English label, or — for followers — the `title` attribute only that stat has. In other
 * languages the two stats beside the followers take Instagram's fixed order (posts, followers, following),
 * provided they sit in one row with the followers — so neither a "Followed by anna.k + 12 more" line nor a bio's
 * "2 books" is taken for one.
 */
function headerStats(header: InstagramHeader, lang: string): Partial<Record<StatKey, Stat>> {
  const stats: Stat[] = [];
  for (const leaf of header.leaves) {
    const shown = countFromText(leaf.text, lang, 'visible-text', 'count');
    if (shown.status !== 'known') continue;
    const title = exactInteger(leaf.title);
    stats.push({ leaf, shown, title, key: leaf.key ?? (title !== undefined ? 'followers' : undefined) });
  }
  const f = stats.findIndex((s) => s.key === 'followers');
  const followers = stats[f];
  if (followers) {
    for (const [key, offset] of [
      ['posts', -1],
      ['following', 1],
    ] as const) {
      const beside = stats[f + offset];
      if (!beside || beside.key || stats.some((s) => s.key === key)) continue;
      if (inOneRow(beside.leaf, followers.leaf, stats, header.parts)) beside.key = key;
    }
  }
  const out: Partial<Record<StatKey, Stat>> = {};
  for (const stat of stats) if (stat.key && !out[stat.key]) out[stat.key] = stat;
  return out;
}

function statField(stat: Stat | undefined, what: StatKey): CountField {
  if (!stat) return unknown(`the profile header shows no ${what} count`);
  return upgradeToExact(stat.shown, stat.title, 'title-attribute');
}

// ——— Grid tiles ———

function gridPost(tile: InstagramTile, lang: string): PostReading {
  let likes: CountField;
  let comments: CountField;
  if (tile.overlay.length === 2) {
    likes = countFromText(tile.overlay[0], lang, 'visible-text', 'likes');
    comments = countFromText(tile.overlay[1], lang, 'visible-text', 'comments');
  } else {
    const reason =
      tile.overlay.length === 1
        ? 'the tile shows one count without saying whether it is likes or comments'
        : 'Instagram shows likes and comments only while the pointer is over a tile';
    likes = comments = unknown(reason);
  }
  let views: CountField;
  if (!tile.viewIcon) views = unknown('the tile shows no view count');
  else if (tile.views === undefined) views = unknown('the tile shows no views count');
  else views = countFromText(tile.views, lang, 'visible-text', 'views');
  return {
    id: tile.id,
    url: tile.url,
    format: tile.kind === 'reel' ? 'reel' : tile.kind === 'tv' ? 'video' : 'post',
    pinned: tile.pinned,
    repost: false,
    likes,
    comments,
    views,
    shares: unknown(NO_SHARES),
    saves: unknown(NO_SAVES),
    caption: tile.caption,
  };
}

/**
 * What the page shows, else what the served page's description says; when neither is known, the description's
 * reason if it gave one (it knows more: "0 likes beside comments"), else the shown field's.
 */
function shownElseServed(shown: CountField, served: CountField | undefined): CountField {
  return served ? firstKnown(shown, served) : shown;
}

function readProfile(page: Capture<'profile'>, base: ReadingBase, handle: string): Reading {
  const { lang } = base;
  const { header } = page;
  const served = profileMeta(page.served, handle, lang);
  if (!header && !served) {
    const reason = page.shownHandle
      ? `the page still shows @${page.shownHandle}, not @${handle}`
      : `the profile of @${handle} has not loaded`;
    return { kind: 'other', ...base, reason };
  }
  const stats = header ? headerStats(header, lang) : {};
  const field = (key: StatKey) =>
    shownElseServed(header ? statField(stats[key], key) : unknown('the profile header has not loaded'), served?.[key]);
  return {
    kind: 'profile',
    ...base,
    handle,
    // Instagram updates the document title on in-app navigation, and the name counts only when it names the handle.
    displayName: nameBefore(page.title, handle) ?? served?.displayName,
    bio: served?.bio,
    followers: field('followers'),
    following: field('following'),
    posts: field('posts'),
    totalLikes: unknown("Instagram doesn't show a profile's total likes"),
    recentPosts: header ? page.tiles.map((tile) => gridPost(tile, lang)) : [],
  };
}

// ——— Post pages ———

interface MediaData {
  likes?: number;
  comments?: number;
  views?: number;
  countsHidden: boolean;
  author?: string;
  caption?: string;
  publishedAt?: string;
  video: boolean;
  reel: boolean;
}

const count = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined);

/** Finds the media item with `code === id` under an `xdt_api__v1__media__shortcode__web_info` key. */
function findMedia(node: unknown, id: string, depth = 0): Record<string, unknown> | undefined {
  if (depth > 80 || typeof node !== 'object' || node === null) return undefined;
  const values = Array.isArray(node) ? (node as unknown[]) : Object.values(node as Record<string, unknown>);
  if (!Array.isArray(node)) {
    const items = (node as { xdt_api__v1__media__shortcode__web_info?: { items?: unknown } })
      .xdt_api__v1__media__shortcode__web_info?.items;
    if (Array.isArray(items)) {
      const item = (items as unknown[]).find(
        (i): i is Record<string, unknown> =>
          typeof i === 'object' && i !== null && (i as { code?: unknown }).code === id,
      );
      if (item) return item;
    }
  }
  for (const value of values) {
    const found = findMedia(value, id, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The post's embedded data, only for the post `id` (other posts' data stays in the page after navigation). */
function mediaData(texts: readonly string[], id: string): MediaData | undefined {
  for (const text of texts) {
    let item: Record<string, unknown> | undefined;
    try {
      item = findMedia(JSON.parse(text), id);
    } catch {
      continue;
    }
    if (!item) continue;
    const user = item.user as { username?: unknown } | undefined;
    const caption = (item.caption as { text?: unknown } | null | undefined)?.text;
    const takenAt = count(item.taken_at);
    return {
      likes: count(item.like_count),
      comments: count(item.comment_count),
      views: count(item.play_count) ?? count(item.ig_play_count) ?? count(item.view_count),
      countsHidden: item.like_and_view_counts_disabled === true,
      author: typeof user?.username === 'string' ? user.username : undefined,
      caption: typeof caption === 'string' ? cleanText(caption, 5000) || undefined : undefined,
      // Dates past the year 275,760 would make toISOString throw.
      publishedAt: takenAt !== undefined && takenAt < 8.64e12 ? new Date(takenAt * 1000).toISOString() : undefined,
      video: item.media_type === 2,
      reel: item.product_type === 'clips',
    };
  }
  return undefined;
}

interface PostMeta {
  likes?: CountField;
  comments?: CountField;
  author?: string;
  caption?: string;
  publishedAt?: string;
  video: boolean;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DATE = new RegExp(`\\bon (${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})\\b`);
const POST_WORDS = { like: 'likes', likes: 'likes', comment: 'comments', comments: 'comments' } as const;

/** What the served page's tags say about post `id`, or undefined when they describe another page. */
function postMeta(served: InstagramServed, id: string, lang: string): PostMeta | undefined {
  const path = servedPath(served);
  if (!path || postPath(path)?.id !== id) return undefined;
  const desc = description(served);
  const counts = desc ? describedCounts(desc.counts, lang, POST_WORDS, ['likes', 'comments'] as const) : {};
  // Instagram's data says 0 likes when the creator hides them; a post with comments and "0 likes" is that case,
  // not a post nobody liked — so it is not read as 0.
  if (counts.likes?.status === 'known' && counts.likes.value === 0 && counts.comments?.status === 'known') {
    if (counts.comments.value > 0)
      counts.likes = unknown('the description says 0 likes beside comments: likes may be hidden');
  }
  const rest = desc?.rest ?? '';
  const author = AUTHOR_IN_TITLE.exec(served.twitterTitle ?? '')?.[1] ?? AUTHOR_FIRST.exec(rest)?.[1];
  const date = DATE.exec(rest);
  const publishedAt = date?.[1]
    ? `${date[3]}-${String(MONTHS.indexOf(date[1]) + 1).padStart(2, '0')}-${date[2]?.padStart(2, '0')}`
    : undefined;
  const caption = /:\s*"([\s\S]*)"\s*\.?\s*$/.exec(rest)?.[1];
  return {
    ...counts,
    author,
    caption: cleanText(caption, 5000) || undefined,
    publishedAt,
    video: served.ogType === 'video',
  };
}

/**
 * The like count the rendered post shows, from its `/liked_by/` link: "1,234 likes"; "Liked by anna.k and 1,233
 * others" (one more than the link's number); or "Liked by anna.k and others" with no number at all, which is how
 * Instagram shows a post whose creator hides likes.
 */
function shownLikes(likes: InstagramRenderedPost['likes'], lang: string): CountField {
  if (!likes) return unknown('the post shows no like count');
  if (!/\p{Nd}/u.test(likes.text)) return { status: 'hidden', reason: HIDDEN_LIKES, source: 'visible-text' };
  const shown = countFromText(likes.text, lang, 'visible-text', 'likes');
  if (likes.sentence === undefined || shown.status !== 'known') return shown;
  const plusOne: KnownCount = {
    ...shown,
    value: shown.value + 1,
    min: shown.min + 1,
    max: shown.max + 1,
    text: likes.sentence,
  };
  return plusOne;
}

/** A timestamp's `datetime` as the reading keeps it: one longer than any date is not one. */
const timestamp = (time: string | undefined) => (time !== undefined && time.length <= 40 ? time : undefined);

function readPost(page: Capture<'post'>, base: ReadingBase, path: PostPath): Reading {
  const { lang } = base;
  const data = mediaData(page.media, path.id);
  const served = postMeta(page.served, path.id, lang);
  const root = page.rendered;
  const author = data?.author ?? path.author ?? root?.author ?? served?.author;
  if (!author || (!data && !served && !root)) return { kind: 'other', ...base, reason: 'the post has not loaded yet' };

  const video = path.kind !== 'p' || data?.video || data?.reel || served?.video === true;
  const shown = root ? shownLikes(root.likes, lang) : unknown('the post shows no like count');
  let likes: CountField;
  if (data?.countsHidden) likes = { status: 'hidden', reason: HIDDEN_LIKES, source: 'page-data' };
  else if (shown.status === 'hidden') likes = shown;
  else likes = upgradeToExact(shownElseServed(shown, served?.likes), data?.likes, 'page-data');

  const comments = upgradeToExact(
    served?.comments ?? unknown('the page shows no comment count'),
    data?.comments,
    'page-data',
  );
  let views: CountField;
  if (data?.countsHidden && video)
    views = { status: 'hidden', reason: "the creator hides this post's view count", source: 'page-data' };
  else if (data?.views !== undefined) views = exactCount(data.views, String(data.views), 'page-data');
  else
    views = unknown(
      video ? "Instagram shows a reel's plays only on the creator's Reels tab" : 'photo posts have no view count',
    );

  const post: PostReading = {
    id: path.id,
    url: base.url,
    format: path.kind === 'reel' || data?.reel ? 'reel' : video ? 'video' : 'post',
    pinned: false,
    repost: false,
    likes,
    comments,
    views,
    shares: unknown(NO_SHARES),
    saves: unknown(NO_SAVES),
    caption: data?.caption ?? served?.caption,
    publishedAt: data?.publishedAt ?? timestamp(root?.time) ?? served?.publishedAt,
  };
  return { kind: 'post', ...base, author, post };
}

/** The Instagram reader: profiles (header, served description, grid) and post/reel pages. */
export const instagram = defineReader(instagramPage, {
  label: 'Instagram',
  schema: InstagramCaptureSchema,
  interpret(page, base, url): Reading {
    const handle = profileHandle(url);
    if (page.kind === 'profile' && handle) return readProfile(page, base, handle);
    const path = postPath(url.pathname);
    if (page.kind === 'post' && path) return readPost(page, base, path);
    return { kind: 'other', ...base, reason: 'this Instagram page is not a profile or a post' };
  },
});
