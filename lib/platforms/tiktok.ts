/**
 * TikTok: profile pages (`/@handle`) and video pages (`/@handle/video/ID`).
 *
 * Seen on tests/fixtures/tiktok/profile-illojuan.html and video-7571863205253778710.html (rendered DOM, 2025):
 * - header counts are `strong[data-e2e=followers-count|following-count|likes-count]`, shown abbreviated
 *   ("783.4K"); the handle is `[data-e2e=user-title]`;
 * - the page also embeds `#__UNIVERSAL_DATA_FOR_REHYDRATION__` JSON whose `statsV2` holds the exact counts as
 *   strings (its `stats` are rounded). That JSON describes the URL the server sent, so after in-app navigation it
 *   may describe another profile: it is used only when its `uniqueId` is the handle shown;
 * - grid tiles `[data-e2e=user-post-item]` show views only (`strong[data-e2e=video-views]`);
 * - a video page is a feed: the URL's video is the first `article[data-e2e=recommend-list-item-container]`, with
 *   `strong[data-e2e=like-count|comment-count|share-count|undefined-count]` (the last one is favourites).
 */
import type { CountField, PostReading, Reading } from '../reading';
import { cleanText, countFromText, exactCount, pageLang, readingUrl, upgradeToExact } from './fields';
import type { PageKind, PlatformReader } from './platform';
import { PLATFORM_HOSTS } from './hosts';
import { sameHandle } from './page-numbers';

const PROFILE_PATH = /^\/@([\w.]{1,64})\/?$/;
const VIDEO_PATH = /^\/@([\w.]{1,64})\/(video|photo)\/(\d{5,25})\/?$/;
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

function rehydrationData(doc: Document): RehydrationData | undefined {
  const text = doc.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__')?.textContent;
  // A cap against absurd pages: the real script is ~300 KB.
  if (!text || text.length > 20_000_000) return undefined;
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

function textOf(root: ParentNode, selector: string): string | undefined {
  const text = cleanText(root.querySelector(selector)?.textContent, 5000);
  return text || undefined;
}

function gridPosts(doc: Document, base: URL, lang: string): PostReading[] {
  const posts: PostReading[] = [];
  for (const tile of Array.from(doc.querySelectorAll('[data-e2e="user-post-item"]'))) {
    // The schema (and the background) takes at most 500 posts: a page repeating its tiles must not lose the rest.
    if (posts.length >= 500) break;
    const href = tile.querySelector('a[href*="/video/"], a[href*="/photo/"]')?.getAttribute('href') ?? '';
    const id = /\/(?:video|photo)\/(\d{5,25})(?!\d)/.exec(href)?.[1];
    if (!id) continue;
    let url: string;
    try {
      url = readingUrl(new URL(href, base));
    } catch {
      continue;
    }
    const unknown: CountField = { status: 'unknown', reason: GRID_ONLY_VIEWS };
    posts.push({
      id,
      url,
      format: 'video',
      // TikTok marks pinned videos with a badge on the tile.
      pinned: tile.querySelector('[data-e2e="video-card-badge"]') !== null,
      repost: false,
      views: countFromText(tile.querySelector('[data-e2e="video-views"]')?.textContent, lang, 'visible-text', 'views'),
      likes: unknown,
      comments: unknown,
      shares: unknown,
      saves: unknown,
      caption: cleanText(tile.querySelector('img[alt]')?.getAttribute('alt'), 5000) || undefined,
    });
  }
  return posts;
}

function readProfile(doc: Document, url: URL, handle: string, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'tiktok' as const, url: readingUrl(url), lang, readAt: now };
  // A handle is short: a longer text is not this profile's, and must not make the reason outgrow the schema.
  const shownHandle = cleanText(doc.querySelector('[data-e2e="user-title"]')?.textContent, 100) || undefined;
  if (shownHandle && !sameHandle(shownHandle, handle)) {
    return { kind: 'other', ...base, reason: `the page still shows @${shownHandle}, not @${handle}` };
  }
  const userDetail = rehydrationData(doc)?.__DEFAULT_SCOPE__?.['webapp.user-detail']?.userInfo;
  // Page data is trusted only when it is about the profile the URL names.
  const stats = sameHandle(asString(userDetail?.user?.uniqueId), handle) ? userDetail?.statsV2 : undefined;
  const header = (selector: string, what: string) =>
    shownHandle
      ? countFromText(doc.querySelector(selector)?.textContent, lang, 'visible-text', what)
      : ({ status: 'unknown', reason: 'the profile header is not on the page' } as const);
  const videos = statsNumber(stats, 'videoCount');
  return {
    kind: 'profile',
    ...base,
    handle: shownHandle ?? handle,
    displayName: cleanText(doc.querySelector('[data-e2e="user-subtitle"]')?.textContent) || undefined,
    bio: textOf(doc, '[data-e2e="user-bio"]'),
    followers: upgradeToExact(
      header('[data-e2e="followers-count"]', 'followers'),
      statsNumber(stats, 'followerCount'),
      'page-data',
    ),
    following: upgradeToExact(
      header('[data-e2e="following-count"]', 'following'),
      statsNumber(stats, 'followingCount'),
      'page-data',
    ),
    totalLikes: upgradeToExact(
      header('[data-e2e="likes-count"]', 'likes'),
      statsNumber(stats, 'heartCount'),
      'page-data',
    ),
    posts:
      videos === undefined
        ? { status: 'unknown', reason: "TikTok's profile header doesn't show a video count" }
        : exactCount(videos, String(videos), 'page-data'),
    recentPosts: gridPosts(doc, url, lang),
  };
}

function readVideo(doc: Document, url: URL, author: string, id: string, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'tiktok' as const, url: readingUrl(url), lang, readAt: now };
  const item = rehydrationData(doc)?.__DEFAULT_SCOPE__?.['webapp.video-detail']?.itemInfo?.itemStruct;
  const stats = item?.id === id && sameHandle(asString(item.author?.uniqueId), author) ? item.statsV2 : undefined;
  // The URL's video is the feed's first article that links to its author (the handle pattern admits only
  // letters, digits, "_" and ".", so it is safe inside the selector).
  const article = Array.from(doc.querySelectorAll('article[data-e2e="recommend-list-item-container"]')).find((a) =>
    a.querySelector(`a[href="/@${author}"], a[href$="/@${author}"]`),
  );
  if (!article && !stats) return { kind: 'other', ...base, reason: 'the video has not rendered yet' };
  const shown = (what: string, testId: string, exactKey: string) =>
    upgradeToExact(
      article
        ? countFromText(article.querySelector(`[data-e2e="${testId}"]`)?.textContent, lang, 'visible-text', what)
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
      url: readingUrl(url),
      format: 'video',
      pinned: false,
      repost: false,
      likes: shown('likes', 'like-count', 'diggCount'),
      comments: shown('comments', 'comment-count', 'commentCount'),
      shares: shown('shares', 'share-count', 'shareCount'),
      saves: shown('saves', 'undefined-count', 'collectCount'),
      views:
        views === undefined
          ? { status: 'unknown', reason: "TikTok's video page doesn't show a view count" }
          : exactCount(views, String(views), 'page-data'),
      caption: article ? textOf(article, '[data-e2e="video-desc"]') : undefined,
    },
  };
}

export const tiktok: PlatformReader = {
  platform: 'tiktok',
  label: 'TikTok',
  hosts: PLATFORM_HOSTS.tiktok,

  pageKind(url: URL): PageKind {
    if (PROFILE_PATH.test(url.pathname)) return 'profile';
    if (VIDEO_PATH.test(url.pathname)) return 'post';
    return 'other';
  },

  handleFromUrl(url: URL) {
    return (PROFILE_PATH.exec(url.pathname) ?? VIDEO_PATH.exec(url.pathname))?.[1];
  },

  isReady(doc: Document, url: URL) {
    const handle = this.handleFromUrl(url);
    if (!handle) return true;
    if (this.pageKind(url) === 'post') return doc.querySelector('[data-e2e="like-count"]') !== null;
    return sameHandle(textOf(doc, '[data-e2e="user-title"]'), handle);
  },

  read(doc: Document, url: URL, now = Date.now()): Reading {
    const profile = PROFILE_PATH.exec(url.pathname);
    if (profile?.[1]) return readProfile(doc, url, profile[1], now);
    const video = VIDEO_PATH.exec(url.pathname);
    if (video?.[1] && video[3]) return readVideo(doc, url, video[1], video[3], now);
    return {
      kind: 'other',
      platform: 'tiktok',
      url: readingUrl(url),
      lang: pageLang(doc),
      readAt: now,
      reason: 'this TikTok page is not a profile or a video',
    };
  },
};
