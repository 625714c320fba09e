/**
 * What a person sees on YouTube's rendered pages (2024–2026 layouts, with the older ones kept beside them), taken
 * in the page as texts and links: which text is which count is the reader's business (text.ts), in the worker.
 *
 * No saved rendered YouTube page exists yet, so every selector here comes from maintained extensions'
 * code (see /shared/research/site-notes.md: avindra/useascript, FilterTube, YouTubeAlchemy, DeArrow,
 * ajayyy/maze-utils, vilify, Return YouTube Dislike) and is exercised by the hand-written pages
 * tests/fixtures/youtube/synthetic-*.html. Each class name is kept in all its known generations — camelCase
 * (2026), BEM (2025) and `-wiz__` (2024) — because YouTube renames them several times a year.
 *
 * YouTube keeps inactive pages in the DOM: channel reads are scoped to the active `ytd-browse[role="main"]`,
 * watch reads to the `ytd-watch-flexy` whose `video-id` is the URL's.
 *
 * Ids are matched as `[id="…"]`, never `#…`: YouTube repeats ids in every tile and every kept page, and jsdom's
 * selector engine (which the tests and any pre-rendering run on) finds nothing for a scoped `#id` query once an
 * id is duplicated in the document. Browsers treat the two forms alike.
 */
import { cleanText, readingUrl, shownText } from '../page-text';
import type { YouTubeHeader, YouTubeShownVideo, YouTubeTile } from './capture';
import { LIMITS } from './limits';
import { type ChannelRef, type ChannelTab, channelFromHref, isUploadsLink, videoIdFromHref } from './urls';

const text = (el: Element | null | undefined, max: number = LIMITS.text) => shownText(el?.textContent, max);

/** The non-empty texts of some elements, cleaned, at most as many as a capture holds. */
const textsOf = (els: Iterable<Element>) =>
  Array.from(els, (el) => cleanText(el.textContent))
    .filter(Boolean)
    .slice(0, LIMITS.texts);

const METADATA_TEXT = [
  '.ytContentMetadataViewModelMetadataText',
  '.yt-content-metadata-view-model__metadata-text',
  '.yt-content-metadata-view-model-wiz__metadata-text',
].join(', ');
const METADATA_BLOCK = 'yt-content-metadata-view-model';

/** The channel page now shown, or undefined when no channel page has rendered. */
export function activeBrowse(doc: Document): Element | undefined {
  return doc.querySelector('ytd-browse[role="main"]') ?? doc.querySelector('ytd-browse:not([hidden])') ?? undefined;
}

/** The channel header inside the active channel page, or undefined when it has not rendered. */
export function domHeader(page: Element): YouTubeHeader | undefined {
  const header = page.querySelector('yt-page-header-view-model, yt-page-header-renderer, [id="page-header"]');
  const block = header?.querySelector(METADATA_BLOCK);
  if (header && block) {
    const parts = block.querySelectorAll(METADATA_TEXT);
    const description = header.querySelector('yt-description-preview-view-model');
    return {
      // A class generation not known yet: fall back to the block's rows as a whole (the reader splits "•").
      metadata: textsOf(parts.length > 0 ? parts : block.children),
      name: text(header.querySelector('h1, yt-dynamic-text-view-model')),
      // The preview's first attributed string is the description; the rest is the "…more" button.
      bio: text(
        description?.querySelector('.yt-core-attributed-string, .ytAttributedStringHost') ?? description,
        LIMITS.long,
      ),
    };
  }
  // The older header (c4 tabbed header, until 2024).
  const legacy = page.querySelector('[id="channel-header"], ytd-c4-tabbed-header-renderer');
  if (!legacy) return undefined;
  return {
    handle: text(legacy.querySelector('[id="channel-handle"]'))?.replace(/^@/, '') || undefined,
    subscribers: text(legacy.querySelector('[id="subscriber-count"]')),
    videos: text(legacy.querySelector('[id="videos-count"]')),
    name: text(legacy.querySelector('[id="channel-name"] [id="text"], ytd-channel-name [id="text"]')),
    bio: text(legacy.querySelector('[id="channel-tagline"] [id="content"], [id="channel-tagline"]'), LIMITS.long),
  };
}

const ITEM = [
  'ytd-rich-item-renderer',
  'ytd-grid-video-renderer',
  'ytd-video-renderer',
  'ytd-reel-item-renderer',
  'ytd-channel-video-player-renderer',
  'yt-lockup-view-model',
  'ytm-shorts-lockup-view-model-v2',
  'ytm-shorts-lockup-view-model',
].join(', ');
const SHORT_ITEM = 'ytd-reel-item-renderer, ytm-shorts-lockup-view-model-v2, ytm-shorts-lockup-view-model';
const ITEM_LINK = 'a[href*="/watch?v="], a[href*="/shorts/"]';
const ITEM_TEXT = [
  METADATA_TEXT,
  '[id="metadata-line"] span',
  // Shorts lockups: "shortsLockupViewModelHostMetadataSubhead" / "…OutsideMetadataSubhead" and their BEM forms.
  '[class*="MetadataSubhead"]',
  '[class*="metadata-subhead"]',
].join(', ');
const ITEM_TITLE = [
  '[id="video-title"]',
  // The home tab's featured video.
  'ytd-channel-video-player-renderer [id="title"]',
  '[class*="LockupMetadataViewModelTitle"]',
  '[class*="lockup-metadata-view-model__title"]',
  '[class*="MetadataTitle"]',
  '[class*="metadata-title"]',
  'h3',
].join(', ');
const LIVE_BADGE = [
  '[overlay-style="LIVE"]',
  '.badge-style-type-live-now',
  '.badge-style-type-live-now-alternate',
  '[class*="thumbnail-live"]',
  '[class*="ThumbnailLive"]',
].join(', ');
const SHELF = 'ytd-shelf-renderer, ytd-reel-shelf-renderer, ytd-rich-shelf-renderer';

/**
 * True when a tile sits in a home-tab shelf that links to the channel's videos, Shorts or live tab. `shelves`
 * keeps each shelf's answer: every tile of a shelf asks, and a shelf of hundreds of tiles has thousands of links.
 */
function inUploadsShelf(item: Element, shelves: Map<Element, boolean>): boolean {
  const shelf = item.parentElement?.closest(SHELF);
  if (!shelf) return false;
  let uploads = shelves.get(shelf);
  if (uploads === undefined) {
    uploads = Array.from(shelf.querySelectorAll('a[href]')).some(
      (a) => !a.closest(ITEM) && isUploadsLink(a.getAttribute('href')),
    );
    shelves.set(shelf, uploads);
  }
  return uploads;
}

/** The channels a tile links to, each once. */
function tileOwners(item: Element): ChannelRef[] {
  const owners = new Map<string, ChannelRef>();
  for (const a of Array.from(item.querySelectorAll('a[href^="/@"], a[href^="/channel/"]'))) {
    const ref = channelFromHref(a.getAttribute('href'));
    if (ref && owners.size < LIMITS.owners) owners.set(`${ref.by}:${ref.value}`, ref);
  }
  return Array.from(owners.values());
}

/**
 * The video tiles of the active channel page's tab, in page order, upcoming premieres left out (they are not
 * posts yet). Which tiles are the channel's, pinned or live is decided by the reader, which knows the channel's
 * identity from the page data; a tile repeated with the same links (the home tab features a video in several
 * shelves) is sent once, in an uploads shelf if any of its copies is.
 */
export function domTiles(page: Element, tab: ChannelTab): YouTubeTile[] {
  const tiles = new Map<string, YouTubeTile>();
  const shelves = new Map<Element, boolean>();
  for (const item of Array.from(page.querySelectorAll(ITEM))) {
    // Nested matches (a lockup inside a rich item) are the same tile.
    if (item.parentElement?.closest(ITEM)) continue;
    const href = item.querySelector(ITEM_LINK)?.getAttribute('href');
    const id = videoIdFromHref(href);
    if (!id || !href || item.querySelector('[overlay-style="UPCOMING"]')) continue;
    const owners = tileOwners(item);
    const uploads = tab === 'featured' && inUploadsShelf(item, shelves);
    const key = [id, ...owners.map((o) => `${o.by}:${o.value}`)].join(' ');
    const seen = tiles.get(key);
    if (seen) {
      seen.inUploadsShelf ||= uploads;
      continue;
    }
    if (tiles.size >= LIMITS.tiles) continue;
    tiles.set(key, {
      url: readingUrl(new URL(href, 'https://www.youtube.com')),
      owners,
      inUploadsShelf: uploads,
      liveBadge: item.querySelector(LIVE_BADGE) !== null,
      short: item.matches(SHORT_ITEM) || item.querySelector(SHORT_ITEM) !== null || href.includes('/shorts/'),
      texts: textsOf(item.querySelectorAll(ITEM_TEXT)),
      title:
        text(item.querySelector(ITEM_TITLE), LIMITS.long) ??
        shownText(item.querySelector(ITEM_LINK)?.getAttribute('title'), LIMITS.long),
    });
  }
  return Array.from(tiles.values());
}

/**
 * The rendered watch page for a video id: the `ytd-watch-flexy`/`ytd-watch-grid` whose `video-id` matches
 * (YouTube keeps the previous video's page until the new one renders). Undefined when it is not there.
 */
export function watchPage(doc: Document, videoId: string): Element | undefined {
  return Array.from(doc.querySelectorAll('ytd-watch-flexy[video-id], ytd-watch-grid[video-id]')).find(
    (el) => el.getAttribute('video-id') === videoId,
  );
}

/** The active Short in the Shorts player. */
export function activeShort(doc: Document): Element | undefined {
  return doc.querySelector('ytd-reel-video-renderer[is-active]') ?? undefined;
}

const LIKE_BUTTON = [
  'like-button-view-model button',
  '[id="segmented-like-button"] button',
  'ytd-like-button-renderer [id="like-button"] button',
  '[id="like-button"] button',
].join(', ');

/** The channel a rendered watch page (or the active Short) links to as its owner. */
export function videoOwner(scope: Element): ChannelRef | undefined {
  const owner = scope.querySelector('ytd-video-owner-renderer, ytd-reel-player-header-renderer, [class*="ChannelBar"]');
  return channelFromHref((owner ?? scope).querySelector('a[href^="/@"], a[href^="/channel/"]')?.getAttribute('href'));
}

/** A rendered watch page (or the active Short). */
export function domVideo(scope: Element): YouTubeShownVideo {
  const like = scope.querySelector(LIKE_BUTTON);
  return {
    title: text(scope.querySelector('ytd-watch-metadata h1, [id="title"] h1, h1.title'), LIMITS.long),
    owner: videoOwner(scope),
    subscribers: text(scope.querySelector('[id="owner-sub-count"]')),
    // The info line's containers first, then their spans: one selector for both made jsdom check each span's
    // ancestors, which took seconds on a deeply nested page.
    info: textsOf(
      new Set(
        Array.from(
          scope.querySelectorAll('ytd-watch-info-text [id="info"], [id="info-container"] [id="info"]'),
        ).flatMap((info) => Array.from(info.querySelectorAll('span'))),
      ),
    ),
    tooltip: text(
      scope.querySelector('ytd-watch-info-text tp-yt-paper-tooltip [id="tooltip"], ytd-watch-info-text [id="tooltip"]'),
    ),
    legacyViews: text(scope.querySelector('ytd-video-view-count-renderer .view-count')),
    likesShown: text(like),
    likesLabel: shownText(like?.getAttribute('aria-label')),
    likeButton: like !== null,
    comments: text(scope.querySelector('ytd-comments-header-renderer [id="count"]')),
  };
}
