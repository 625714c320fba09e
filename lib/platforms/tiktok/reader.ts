/**
 * TikTok in the worker: a capture from page.ts interpreted into a reading.
 *
 * The embedded rehydration JSON's `statsV2` holds the exact counts as strings (its `stats` are rounded). That
 * JSON describes the URL the server sent, so after in-app navigation it may describe another profile: it is used
 * only when its `uniqueId` is the handle shown, and only to make a shown count exact where the two agree.
 */
import type { CountField, PostReading, Reading } from '../../reading';
import { countFromText, exactCount, upgradeToExact } from '../fields';
import { defineReader, type ReadingBase } from '../define-reader';
import { sameHandle } from '../page-numbers';
import { readingUrl } from '../page-text';
import { TikTokCaptureSchema, type TikTokCapture, type TikTokTile } from './capture';
import { tiktokPage } from './page';
import { PROFILE_PATH, VIDEO_PATH } from './urls';

type Capture<K extends TikTokCapture['kind']> = Extract<TikTokCapture, { kind: K }>;

const GRID_ONLY_VIEWS = "TikTok's profile grid shows views only";

/** The part of TikTok's embedded page data the reader uses; every field is optional because the page is untrusted. */
interface RehydrationData {
  __DEFAULT_SCOPE__?: {
    'webapp.user-detail'?: { userInfo?: { user?: { uniqueId?: unknown }; statsV2?: Record<string, unknown> } };
    'webapp.video-detail'?: {
      itemInfo?: { itemStruct?: { id?: unknown; author?: { uniqueId?: unknown }; statsV2?: Record<string, unknown> } };
    };
  };
}

function rehydrationData(text: string | undefined): RehydrationData | undefined {
  if (!text) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? (data as RehydrationData) : undefined;
  } catch {
    return undefined;
  }
}

/** An exact count from TikTok's `statsV2`, where numbers are decimal strings. */
function statsNumber(stats: Record<string, unknown> | undefined, key: string): number | undefined {
  const raw = stats?.[key];
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

function gridPost(tile: TikTokTile, base: URL, lang: string): PostReading | undefined {
  const id = /\/(?:video|photo)\/(\d{5,25})(?!\d)/.exec(tile.href)?.[1];
  if (!id) return undefined;
  let url: string;
  try {
    url = readingUrl(new URL(tile.href, base));
  } catch {
    return undefined;
  }
  const unknown: CountField = { status: 'unknown', reason: GRID_ONLY_VIEWS };
  return {
    id,
    url,
    format: 'video',
    pinned: tile.pinned,
    repost: false,
    views: countFromText(tile.views, lang, 'visible-text', 'views'),
    likes: unknown,
    comments: unknown,
    shares: unknown,
    saves: unknown,
    caption: tile.caption,
  };
}

function readProfile(page: Capture<'profile'>, base: ReadingBase, url: URL, handle: string): Reading {
  const { lang } = base;
  // A handle is short: a longer text is not this profile's, and must not make the reason outgrow the schema.
  const shownHandle = page.shownHandle?.slice(0, 100);
  if (shownHandle && !sameHandle(shownHandle, handle)) {
    return { kind: 'other', ...base, reason: `the page still shows @${shownHandle}, not @${handle}` };
  }
  const userDetail = rehydrationData(page.pageData)?.__DEFAULT_SCOPE__?.['webapp.user-detail']?.userInfo;
  // Page data is trusted only when it is about the profile the URL names.
  const stats = sameHandle(asString(userDetail?.user?.uniqueId), handle) ? userDetail?.statsV2 : undefined;
  const header = (text: string | undefined, what: string) =>
    shownHandle
      ? countFromText(text, lang, 'visible-text', what)
      : ({ status: 'unknown', reason: 'the profile header is not on the page' } as const);
  const videos = statsNumber(stats, 'videoCount');
  return {
    kind: 'profile',
    ...base,
    handle: shownHandle ?? handle,
    displayName: page.displayName,
    bio: page.bio,
    followers: upgradeToExact(header(page.followers, 'followers'), statsNumber(stats, 'followerCount'), 'page-data'),
    following: upgradeToExact(header(page.following, 'following'), statsNumber(stats, 'followingCount'), 'page-data'),
    totalLikes: upgradeToExact(header(page.likes, 'likes'), statsNumber(stats, 'heartCount'), 'page-data'),
    posts:
      videos === undefined
        ? { status: 'unknown', reason: "TikTok's profile header doesn't show a video count" }
        : exactCount(videos, String(videos), 'page-data'),
    recentPosts: page.tiles.flatMap((tile) => gridPost(tile, url, lang) ?? []),
  };
}

function readVideo(page: Capture<'video'>, base: ReadingBase, author: string, id: string): Reading {
  const item = rehydrationData(page.pageData)?.__DEFAULT_SCOPE__?.['webapp.video-detail']?.itemInfo?.itemStruct;
  const stats = item?.id === id && sameHandle(asString(item.author?.uniqueId), author) ? item.statsV2 : undefined;
  const { article } = page;
  if (!article && !stats) return { kind: 'other', ...base, reason: 'the video has not rendered yet' };
  const shown = (what: string, text: string | undefined, exactKey: string) =>
    upgradeToExact(
      article
        ? countFromText(text, base.lang, 'visible-text', what)
        : { status: 'unknown', reason: `no ${what} count on this page` },
      statsNumber(stats, exactKey),
      'page-data',
    );
  const views = statsNumber(stats, 'playCount');
  return {
    kind: 'post',
    ...base,
    author,
    post: {
      id,
      url: base.url,
      format: 'video',
      pinned: false,
      repost: false,
      likes: shown('likes', article?.likes, 'diggCount'),
      comments: shown('comments', article?.comments, 'commentCount'),
      shares: shown('shares', article?.shares, 'shareCount'),
      saves: shown('saves', article?.saves, 'collectCount'),
      views:
        views === undefined
          ? { status: 'unknown', reason: "TikTok's video page doesn't show a view count" }
          : exactCount(views, String(views), 'page-data'),
      caption: article?.caption,
    },
  };
}

export const tiktok = defineReader(tiktokPage, {
  label: 'TikTok',
  schema: TikTokCaptureSchema,
  interpret(page, base, url): Reading {
    const profile = PROFILE_PATH.exec(url.pathname);
    if (page.kind === 'profile' && profile?.[1]) return readProfile(page, base, url, profile[1]);
    const video = VIDEO_PATH.exec(url.pathname);
    if (page.kind === 'video' && video?.[1] && video[3]) return readVideo(page, base, video[1], video[3]);
    return { kind: 'other', ...base, reason: 'this TikTok page is not a profile or a video' };
  },
});
