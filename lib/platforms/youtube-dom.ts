/**
 * What a person sees on YouTube's rendered pages (2024–2026 layouts, with the older ones kept beside them).
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
import { cleanText, readingUrl } from './fields';
import { classifyHeaderTexts, type HeaderTexts, isWatchingText, pickViewText } from './youtube-text';
import {
  type ChannelRef,
  type ChannelTab,
  channelFromHref,
  isUploadsLink,
  sameChannel,
  videoIdFromHref,
} from './youtube-urls';

const text = (el: Element | null | undefined, max = 200) => cleanText(el?.textContent, max) || undefined;

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

/** A channel header as rendered. */
export interface DomHeader extends HeaderTexts {
  name?: string;
  bio?: string;
}

/** The texts of a content-metadata block, each text element once (its generations' class names differ). */
function metadataTexts(block: Element): string[] {
  const parts = Array.from(block.querySelectorAll(METADATA_TEXT));
  // A class generation not known yet: fall back to the block's rows as a whole (classifyHeaderTexts splits "•").
  const els = parts.length > 0 ? parts : Array.from(block.children);
  return els.map((el) => cleanText(el.textContent)).filter(Boolean);
}

/** The channel header inside the active channel page, or undefined when it has not rendered. */
export function domHeader(page: Element): DomHeader | undefined {
  const header = page.querySelector('yt-page-header-view-model, yt-page-header-renderer, [id="page-header"]');
  const block = header?.querySelector(METADATA_BLOCK);
  if (header && block) {
    const texts = classifyHeaderTexts(metadataTexts(block));
    const description = header.querySelector('yt-description-preview-view-model');
    return {
      ...texts,
      name: text(header.querySelector('h1, yt-dynamic-text-view-model')),
      // The preview's first attributed string is the description; the rest is the "…more" button.
      bio: text(description?.querySelector('.yt-core-attributed-string, .ytAttributedStringHost') ?? description, 5000),
    };
  }
  // The older header (c4 tabbed header, until 2024).
  const legacy = page.querySelector('[id="channel-header"], ytd-c4-tabbed-header-renderer');
  if (!legacy) return undefined;
  return {
    handle: text(legacy.querySelector('[id="channel-handle"]'))?.replace(/^@/, ''),
    subscribers: text(legacy.querySelector('[id="subscriber-count"]')),
    videos: text(legacy.querySelector('[id="videos-count"]')),
    name: text(legacy.querySelector('[id="channel-name"] [id="text"], ytd-channel-name [id="text"]')),
    bio: text(legacy.querySelector('[id="channel-tagline"] [id="content"], [id="channel-tagline"]'), 5000),
  };
}

/** A video tile as rendered in a channel tab. */
export interface DomPost {
  id: string;
  url: string;
  format: 'video' | 'short' | 'live';
  pinned: boolean;
  liveNow: boolean;
  viewsText?: string;
  title?: string;
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

/** True when a tile sits in a home-tab shelf that links to the channel's videos, Shorts or live tab. */
function inUploadsShelf(item: Element): boolean {
  const shelf = item.parentElement?.closest(SHELF);
  if (!shelf) return false;
  return Array.from(shelf.querySelectorAll('a[href]')).some(
    (a) => !a.closest(ITEM) && isUploadsLink(a.getAttribute('href')),
  );
}

/**
 * The video tiles of the active channel page's tab, in page order. Tiles that link to another channel (the home
 * tab's shelves may feature other channels) are left out; on the home tab, tiles outside an uploads shelf are
 * marked pinned (promoted picks, not the latest uploads). Upcoming premieres are not posts yet and are skipped.
 */
export function domPosts(page: Element, tab: ChannelTab, channel: readonly ChannelRef[]): DomPost[] {
  const seen = new Set<string>();
  const latest = new Set<string>();
  const out: DomPost[] = [];
  for (const item of Array.from(page.querySelectorAll(ITEM))) {
    // Nested matches (a lockup inside a rich item) are the same tile.
    if (item.parentElement?.closest(ITEM) || out.length >= 500) continue;
    const href = item.querySelector(ITEM_LINK)?.getAttribute('href');
    const id = videoIdFromHref(href);
    if (!id || !href || item.querySelector('[overlay-style="UPCOMING"]')) continue;
    const owners = Array.from(item.querySelectorAll('a[href^="/@"], a[href^="/channel/"]')).flatMap((a) => {
      const ref = channelFromHref(a.getAttribute('href'));
      return ref ? [ref] : [];
    });
    if (owners.length > 0 && !owners.some((o) => channel.some((c) => sameChannel(o, c)))) continue;
    if (tab !== 'featured' || inUploadsShelf(item)) latest.add(id);
    if (seen.has(id)) continue;
    seen.add(id);
    const texts = Array.from(item.querySelectorAll(ITEM_TEXT)).map((el) => el.textContent ?? '');
    const liveNow = item.querySelector(LIVE_BADGE) !== null || texts.some(isWatchingText);
    const short = item.matches(SHORT_ITEM) || item.querySelector(SHORT_ITEM) !== null || href.includes('/shorts/');
    out.push({
      id,
      url: readingUrl(new URL(href, 'https://www.youtube.com')),
      format: short ? 'short' : liveNow || tab === 'streams' ? 'live' : 'video',
      pinned: false,
      liveNow,
      viewsText: pickViewText(texts),
      title:
        text(item.querySelector(ITEM_TITLE), 5000) ??
        (cleanText(item.querySelector(ITEM_LINK)?.getAttribute('title'), 5000) || undefined),
    });
  }
  // A video that is also in the uploads shelf is one of the latest, wherever else the home tab features it.
  return out.map((post) => ({ ...post, pinned: !latest.has(post.id) }));
}

/** A watch or Shorts page's video as rendered. */
export interface DomVideo {
  title?: string;
  owner?: ChannelRef;
  ownerName?: string;
  subscribers?: string;
  /** The views text shown under the video ("1M views", or the full count once the description is expanded). */
  viewsShown?: string;
  /** A text that spells the full view count (the date tooltip, or the older layout's view counter). */
  viewsFull?: string;
  likesShown?: string;
  likesLabel?: string;
  /** True when a like button was found, even one that shows no count. */
  likeButton: boolean;
  comments?: string;
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

/** Reads a rendered watch page (or the active Short). */
export function domVideo(scope: Element): DomVideo {
  const owner = scope.querySelector('ytd-video-owner-renderer, ytd-reel-player-header-renderer, [class*="ChannelBar"]');
  const ownerLink = (owner ?? scope).querySelector('a[href^="/@"], a[href^="/channel/"]');
  const info = Array.from(
    scope.querySelectorAll('ytd-watch-info-text [id="info"] span, [id="info-container"] [id="info"] span'),
  ).map((el) => el.textContent ?? '');
  const tooltip = text(
    scope.querySelector('ytd-watch-info-text tp-yt-paper-tooltip [id="tooltip"], ytd-watch-info-text [id="tooltip"]'),
  );
  const legacyCount = text(scope.querySelector('ytd-video-view-count-renderer .view-count'));
  const like = scope.querySelector(LIKE_BUTTON);
  return {
    title: text(scope.querySelector('ytd-watch-metadata h1, [id="title"] h1, h1.title'), 5000),
    owner: channelFromHref(ownerLink?.getAttribute('href')),
    ownerName: text(owner?.querySelector('ytd-channel-name [id="text"], [id="channel-name"] [id="text"]') ?? ownerLink),
    subscribers: text(scope.querySelector('[id="owner-sub-count"]')),
    viewsShown: pickViewText(info) ?? legacyCount,
    // The tooltip reads "1,077,715 views • Apr 14, 2017": its first part is the view count.
    viewsFull: tooltip ? pickViewText(tooltip.split(/\s*[•·]\s*/)) : legacyCount,
    likesShown: text(like),
    likesLabel: cleanText(like?.getAttribute('aria-label')) || undefined,
    likeButton: like !== null,
    comments: text(scope.querySelector('ytd-comments-header-renderer [id="count"]')),
  };
}
