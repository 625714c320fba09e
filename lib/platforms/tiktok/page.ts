/**
 * TikTok in the page: which URLs are profiles and videos, and what the content script collects from them.
 *
 * Seen on tests/fixtures/tiktok/profile-illojuan.html and video-7571863205253778710.html (rendered DOM, 2025):
 * - header counts are `strong[data-e2e=followers-count|following-count|likes-count]`, shown abbreviated
 *   ("783.4K"); the handle is `[data-e2e=user-title]`;
 * - the page also embeds `#__UNIVERSAL_DATA_FOR_REHYDRATION__` JSON with exact counts (taken as text; the reader
 *   parses it in the worker);
 * - grid tiles `[data-e2e=user-post-item]` show views only (`strong[data-e2e=video-views]`), pinned ones a
 *   `[data-e2e=video-card-badge]`;
 * - a video page is a feed: the URL's video is the first `article[data-e2e=recommend-list-item-container]` that
 *   links to its author, with `strong[data-e2e=like-count|comment-count|share-count|undefined-count]` (the last
 *   one is favourites).
 */
import type { PageCollector, PageKind } from '../platform';
import { PLATFORM_HOSTS } from '../hosts';
import { sameHandle } from '../page-numbers';
import { shownText } from '../page-text';
import type { TikTokCapture, TikTokTile } from './capture';
import { LIMITS } from './limits';
import { PROFILE_PATH, VIDEO_PATH } from './urls';

const textOf = (root: ParentNode, selector: string, max: number = LIMITS.text) =>
  shownText(root.querySelector(selector)?.textContent, max);

function pageData(doc: Document): string | undefined {
  const text = doc.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__')?.textContent;
  // A cap against absurd pages: the real script is ~300 KB.
  return text && text.length <= LIMITS.pageData ? text : undefined;
}

function tiles(doc: Document): TikTokTile[] {
  const out: TikTokTile[] = [];
  for (const tile of Array.from(doc.querySelectorAll('[data-e2e="user-post-item"]'))) {
    // The schema takes at most 500: a page repeating its tiles must not lose the rest.
    if (out.length >= LIMITS.tiles) break;
    const href = tile.querySelector('a[href*="/video/"], a[href*="/photo/"]')?.getAttribute('href');
    if (!href || href.length > LIMITS.href) continue;
    out.push({
      href,
      views: textOf(tile, '[data-e2e="video-views"]'),
      pinned: tile.querySelector('[data-e2e="video-card-badge"]') !== null,
      caption: shownText(tile.querySelector('img[alt]')?.getAttribute('alt'), LIMITS.caption),
    });
  }
  return out;
}

export const tiktokPage: PageCollector<TikTokCapture> = {
  platform: 'tiktok',
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

  collect(doc: Document, url: URL): TikTokCapture {
    if (PROFILE_PATH.test(url.pathname)) {
      return {
        kind: 'profile',
        shownHandle: textOf(doc, '[data-e2e="user-title"]'),
        displayName: textOf(doc, '[data-e2e="user-subtitle"]'),
        bio: textOf(doc, '[data-e2e="user-bio"]', LIMITS.caption),
        followers: textOf(doc, '[data-e2e="followers-count"]'),
        following: textOf(doc, '[data-e2e="following-count"]'),
        likes: textOf(doc, '[data-e2e="likes-count"]'),
        tiles: tiles(doc),
        pageData: pageData(doc),
      };
    }
    const author = VIDEO_PATH.exec(url.pathname)?.[1];
    if (!author) return { kind: 'other' };
    // The handle pattern admits only letters, digits, "_" and ".", so it is safe inside the selector.
    const article = Array.from(doc.querySelectorAll('article[data-e2e="recommend-list-item-container"]')).find((a) =>
      a.querySelector(`a[href="/@${author}"], a[href$="/@${author}"]`),
    );
    return {
      kind: 'video',
      article: article && {
        likes: textOf(article, '[data-e2e="like-count"]'),
        comments: textOf(article, '[data-e2e="comment-count"]'),
        shares: textOf(article, '[data-e2e="share-count"]'),
        saves: textOf(article, '[data-e2e="undefined-count"]'),
        caption: textOf(article, '[data-e2e="video-desc"]', LIMITS.caption),
      },
      pageData: pageData(doc),
    };
  },
};
