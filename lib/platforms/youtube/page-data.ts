/**
 * YouTube's embedded page data, in the worker: the `var ytInitialData = {…};` script the server sends with every
 * page, whose text the collector sends (served.ts).
 *
 * It describes the URL the server was asked for. YouTube is a single-page app and never replaces that script, so
 * after in-app navigation it describes a page no longer shown: callers must check the identity it carries (the
 * channel id and handles, the selected tab, the video id) against the URL before using anything in it.
 *
 * The structures read here were seen on the saved pages in tests/fixtures/youtube (2023 served HTML: the
 * `c4TabbedHeaderRenderer` header, `richItemRenderer`/`videoRenderer` grids, `shelfRenderer`/`gridVideoRenderer`
 * home shelves, the watch page's `videoPrimaryInfoRenderer` with a `likeButtonViewModel`). The newer
 * `pageHeaderRenderer`, `lockupViewModel` and `shortsLockupViewModel` shapes have no saved page yet and are read
 * from their documented field names, so they fail soft (fields left out) if the names differ.
 */
import { cleanText } from '../page-text';
import { LIMITS } from './limits';
import { initialDataTexts } from './served';
import { classifyHeaderTexts, type HeaderTexts, pickViewText } from './text';
import { type ChannelRef, type ChannelTab, CHANNEL_TABS, channelFromHref, isUploadsLink } from './urls';

type Obj = Record<string, unknown>;

const obj = (x: unknown): Obj | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : undefined;
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** The value at a path of keys, or undefined where any step is missing. */
function at(x: unknown, ...keys: string[]): unknown {
  let cur = x;
  for (const key of keys) cur = obj(cur)?.[key];
  return cur;
}

/** The text of one of YouTube's text objects: `{simpleText}`, `{runs: [{text}]}` or the view models' `{content}`. */
export function ytText(x: unknown): string | undefined {
  const o = obj(x);
  if (!o) return str(x);
  const text =
    str(o.simpleText) ??
    str(o.content) ??
    (Array.isArray(o.runs) ? o.runs.map((r) => str(obj(r)?.text) ?? '').join('') : undefined);
  return text === undefined ? undefined : cleanText(text, 5000) || undefined;
}

/** Depth-first search for the first value under `key`, bounded so a hostile page cannot make it run away. */
function findFirst(x: unknown, key: string, depth = 0): unknown {
  if (depth > 60 || typeof x !== 'object' || x === null) return undefined;
  if (Array.isArray(x)) {
    for (const item of x) {
      const found = findFirst(item, key, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const o = x as Obj;
  if (key in o) return o[key];
  for (const value of Object.values(o)) {
    const found = findFirst(value, key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const ASSIGNMENT = /(?:\bvar\s+ytInitialData|window\[\s*["']ytInitialData["']\s*\])\s*=\s*/g;

/**
 * The JSON object text that starts at `start` (a "{"), found by a bracket scan that skips strings, so a "};"
 * inside a title does not end it early. Undefined when it does not close within `max` characters.
 */
export function jsonObjectAt(text: string, start: number, max: number = LIMITS.pageData): string | undefined {
  if (text[start] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + max);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

/** The object a JSON text holds, or undefined when it holds something else or does not parse. */
function parseObject(json: string | undefined): Obj | undefined {
  if (!json?.startsWith('{')) return undefined;
  try {
    return obj(JSON.parse(json));
  } catch {
    return undefined;
  }
}

/** The object assigned to ytInitialData in a script's text, or undefined. */
function dataInScript(text: string): Obj | undefined {
  for (const m of text.matchAll(ASSIGNMENT)) {
    const start = m.index + m[0].length;
    // The served script is `var ytInitialData = {…};`: its object runs to the script's last "}", which JSON.parse
    // checks faster than the bracket scan. Where that does not parse (more code after the object, a truncated or
    // altered script), the scan finds where the object ends; failing that, another assignment is tried.
    const data = parseObject(text.slice(start, text.lastIndexOf('}') + 1)) ?? parseObject(jsonObjectAt(text, start));
    if (data) return data;
  }
  return undefined;
}

// The worker interprets the same page again and again (each fresh reading the popup asks for, revisits) and the
// script outlives in-app navigation, so the last script's parse is kept.
let last: { text: string; data: Obj | undefined } | undefined;

/**
 * The `ytInitialData` object in the first of the scripts' texts that holds one, or undefined when none parses.
 * Never throws. The result is shared between calls: treat it as read-only.
 */
export function initialDataIn(texts: readonly string[]): Obj | undefined {
  for (const text of texts) {
    if (last?.text !== text) last = { text, data: dataInScript(text) };
    if (last.data) return last.data;
  }
  return undefined;
}

/** The page's `ytInitialData` object, found as the collector finds it and parsed as the reader does (for tests). */
export function initialData(doc: Document): Obj | undefined {
  return initialDataIn(initialDataTexts(doc));
}

/** A video as the channel page's data lists it. */
export interface DataPost {
  id: string;
  format: 'video' | 'short' | 'live';
  /** Not one of the channel's latest uploads: the home tab's trailer and curated shelves. */
  pinned: boolean;
  /** Live now: its count is of people watching, not views. */
  liveNow: boolean;
  /** The views text the grid shows ("68K views"). */
  shownViews?: string;
  /** The full views text when the data also has one ("68,828 views"). */
  fullViews?: string;
  title?: string;
}

/** What the channel page's data says about the channel and the tab it was served for. */
export interface DataChannel {
  channelId?: string;
  /** Every way the data names the channel (handles, legacy /c/ and /user/ names), for matching a URL. */
  refs: ChannelRef[];
  /** The @handle (without "@") the header shows. */
  handle?: string;
  title?: string;
  description?: string;
  /** False when the data has no channel header at all. */
  hasHeader: boolean;
  header: HeaderTexts;
  /** The tab the data was served for. */
  tab?: ChannelTab;
  posts: DataPost[];
}

function tabOfUrl(url: string | undefined): ChannelTab | undefined {
  if (!url) return undefined;
  const last = /\/([a-z]+)\/?(?:[?#].*)?$/.exec(url)?.[1] ?? '';
  return (CHANNEL_TABS as readonly string[]).includes(last)
    ? (last as ChannelTab)
    : channelFromHref(url)
      ? 'featured'
      : undefined;
}

const ownerId = (item: Obj) =>
  str(
    at(
      arr(obj(item.shortBylineText ?? item.ownerText ?? item.longBylineText)?.runs)[0],
      'navigationEndpoint',
      'browseEndpoint',
      'browseId',
    ),
  );

function classicVideo(item: Obj, tab: ChannelTab | undefined): Omit<DataPost, 'pinned'> | 'upcoming' | undefined {
  const id = str(item.videoId);
  if (!id) return undefined;
  const overlayStyles = arr(item.thumbnailOverlays).map((o) =>
    str(at(o, 'thumbnailOverlayTimeStatusRenderer', 'style')),
  );
  if (item.upcomingEventData !== undefined || overlayStyles.includes('UPCOMING')) return 'upcoming';
  const liveNow =
    overlayStyles.includes('LIVE') ||
    arr(item.badges).some((b) => str(at(b, 'metadataBadgeRenderer', 'style')) === 'BADGE_STYLE_TYPE_LIVE_NOW');
  return {
    id,
    format: liveNow || tab === 'streams' ? 'live' : 'video',
    liveNow,
    shownViews: ytText(item.shortViewCountText) ?? ytText(item.viewCountText),
    fullViews: ytText(item.viewCountText),
    title: ytText(item.title),
  };
}

function lockup(item: Obj, tab: ChannelTab | undefined): Omit<DataPost, 'pinned'> | undefined {
  const id = str(item.contentId);
  if (!id || (item.contentType !== undefined && item.contentType !== 'LOCKUP_CONTENT_TYPE_VIDEO')) return undefined;
  const meta = at(item, 'metadata', 'lockupMetadataViewModel');
  const texts = arr(at(meta, 'metadata', 'contentMetadataViewModel', 'metadataRows'))
    .flatMap((row) => arr(at(row, 'metadataParts')))
    .map((part) => ytText(at(part, 'text')) ?? '');
  // The live badge sits deep in the thumbnail's overlays (…thumbnailBadgeViewModel.badgeStyle
  // "THUMBNAIL_OVERLAY_BADGE_STYLE_LIVE"), at a depth that has changed between versions: look for the style.
  const liveNow = JSON.stringify(item.contentImage ?? {}).includes('BADGE_STYLE_LIVE');
  return {
    id,
    format: liveNow || tab === 'streams' ? 'live' : tab === 'shorts' ? 'short' : 'video',
    liveNow,
    shownViews: pickViewText(texts),
    title: ytText(at(meta, 'title')),
  };
}

function itemPost(
  key: string,
  item: Obj,
  tab: ChannelTab | undefined,
): Omit<DataPost, 'pinned'> | 'upcoming' | undefined {
  switch (key) {
    case 'videoRenderer':
    case 'gridVideoRenderer':
      return classicVideo(item, tab);
    case 'channelVideoPlayerRenderer': {
      // The home tab's featured video shows its full view count.
      const id = str(item.videoId);
      const views = ytText(item.viewCountText);
      return id
        ? { id, format: 'video', liveNow: false, shownViews: views, fullViews: views, title: ytText(item.title) }
        : undefined;
    }
    case 'reelItemRenderer': {
      const id = str(item.videoId);
      return id
        ? { id, format: 'short', liveNow: false, shownViews: ytText(item.viewCountText), title: ytText(item.headline) }
        : undefined;
    }
    case 'shortsLockupViewModel': {
      const id =
        str(at(item, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ??
        str(item.entityId)?.replace(/^shorts-shelf-item-/, '');
      if (!id) return undefined;
      return {
        id,
        format: 'short',
        liveNow: false,
        shownViews: ytText(at(item, 'overlayMetadata', 'secondaryText')),
        title: ytText(at(item, 'overlayMetadata', 'primaryText')),
      };
    }
    case 'lockupViewModel':
      return lockup(item, tab);
    default:
      return undefined;
  }
}

const ITEM_KEYS = new Set([
  'videoRenderer',
  'gridVideoRenderer',
  'channelVideoPlayerRenderer',
  'reelItemRenderer',
  'shortsLockupViewModel',
  'lockupViewModel',
]);
const SHELF_KEYS = new Set(['shelfRenderer', 'reelShelfRenderer', 'richShelfRenderer']);
const MAX_POSTS = LIMITS.tiles;

/** The selected tab's videos, in page order, without other channels' videos and without duplicates. */
function tabPosts(content: unknown, tab: ChannelTab | undefined, channelId: string | undefined): DataPost[] {
  const found: Array<DataPost & { uploads: boolean }> = [];
  const visit = (x: unknown, uploads: boolean, depth: number): void => {
    if (depth > 60 || found.length >= MAX_POSTS || typeof x !== 'object' || x === null) return;
    if (Array.isArray(x)) {
      for (const v of x) visit(v, uploads, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(x as Obj)) {
      const item = obj(value);
      if (item && ITEM_KEYS.has(key)) {
        const owner = ownerId(item);
        const post = itemPost(key, item, tab);
        if (post && post !== 'upcoming' && !(owner && channelId && owner !== channelId)) {
          found.push({ ...post, pinned: false, uploads });
        }
      } else if (item && SHELF_KEYS.has(key)) {
        const url = str(at(item, 'endpoint', 'commandMetadata', 'webCommandMetadata', 'url'));
        visit(item, isUploadsLink(url), depth + 1);
      } else {
        visit(value, uploads, depth + 1);
      }
    }
  };
  visit(content, tab !== 'featured', 0);
  // On the home tab only the uploads shelf is the channel's latest work; the trailer and curated shelves are
  // promoted picks, marked pinned so they stay out of "recent" engagement.
  const latest = new Set(found.filter((p) => p.uploads).map((p) => p.id));
  const seen = new Set<string>();
  return found.flatMap(({ uploads: _uploads, ...post }) => {
    if (seen.has(post.id)) return [];
    seen.add(post.id);
    return [{ ...post, pinned: tab === 'featured' && !latest.has(post.id) }];
  });
}

function refsOf(urls: unknown[]): ChannelRef[] {
  return urls.flatMap((u) => {
    const ref = channelFromHref(str(u));
    return ref ? [ref] : [];
  });
}

/** The channel page's data, or undefined when the data is not a channel page's. */
export function channelData(data: Obj): DataChannel | undefined {
  const meta = obj(at(data, 'metadata', 'channelMetadataRenderer'));
  const c4 = obj(at(data, 'header', 'c4TabbedHeaderRenderer'));
  const page = obj(at(data, 'header', 'pageHeaderRenderer'));
  if (!meta && !c4 && !page) return undefined;
  const view = at(page, 'content', 'pageHeaderViewModel');

  let header: HeaderTexts = {};
  if (c4) {
    header = {
      handle: ytText(c4.channelHandleText)?.replace(/^@/, ''),
      subscribers: ytText(c4.subscriberCountText),
      videos: ytText(c4.videosCountText),
    };
  } else if (view) {
    const texts = arr(at(view, 'metadata', 'contentMetadataViewModel', 'metadataRows'))
      .flatMap((row) => arr(at(row, 'metadataParts')))
      .map((part) => ytText(at(part, 'text')) ?? '');
    header = classifyHeaderTexts(texts);
  }

  const channelId = str(meta?.externalId) ?? str(c4?.channelId);
  const refs = refsOf([
    meta?.vanityChannelUrl,
    meta?.channelUrl,
    ...arr(meta?.ownerUrls),
    at(c4, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl'),
  ]);
  if (channelId) refs.push({ by: 'id', value: channelId });
  if (header.handle) refs.push({ by: 'handle', value: header.handle });

  const selected = arr(at(data, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs'))
    .map((t) => obj(at(t, 'tabRenderer')))
    .find((t) => t?.selected === true);
  const tab = tabOfUrl(str(at(selected, 'endpoint', 'commandMetadata', 'webCommandMetadata', 'url')));

  return {
    channelId,
    refs,
    handle: header.handle ?? refs.find((r) => r.by === 'handle')?.value,
    title: str(meta?.title) ?? str(c4?.title) ?? str(page?.pageTitle),
    description:
      str(meta?.description) ?? ytText(at(view, 'description', 'descriptionPreviewViewModel', 'description')),
    hasHeader: Boolean(c4 ?? page),
    header,
    tab,
    posts: selected ? tabPosts(selected.content, tab, channelId) : [],
  };
}

/** What a watch or Shorts page's data says about its video. */
export interface DataVideo {
  videoId?: string;
  title?: string;
  isLive: boolean;
  /** The full views text ("1.077.715 visualizaciones"). */
  views?: string;
  /** The like button's shown text ("7,3 K") and its accessibility text, which spells the exact count. */
  likesShown?: string;
  likesLabel?: string;
  /** An exact like count the data holds as a number (Shorts' like button). */
  likesNumber?: number;
  comments?: string;
  owner: { name?: string; ref?: ChannelRef; channelId?: string; subscribers?: string };
  description?: string;
}

function likeButton(x: unknown): Pick<DataVideo, 'likesShown' | 'likesLabel' | 'likesNumber'> {
  const vm = findFirst(x, 'likeButtonViewModel');
  if (vm !== undefined) {
    const button = at(
      vm,
      'likeButtonViewModel',
      'toggleButtonViewModel',
      'toggleButtonViewModel',
      'defaultButtonViewModel',
      'buttonViewModel',
    );
    return { likesShown: str(at(button, 'title')), likesLabel: str(at(button, 'accessibilityText')) };
  }
  const segmented = findFirst(x, 'segmentedLikeDislikeButtonRenderer');
  if (segmented !== undefined) {
    const text = at(segmented, 'likeButton', 'toggleButtonRenderer', 'defaultText');
    return { likesShown: ytText(text), likesLabel: str(at(text, 'accessibility', 'accessibilityData', 'label')) };
  }
  const reel = obj(findFirst(x, 'likeButtonRenderer'));
  if (reel) {
    const n = reel.likeCount;
    return {
      likesShown: ytText(reel.likeCountText),
      likesNumber: typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined,
    };
  }
  return {};
}

/** The watch or Shorts page's data about its video, or undefined when the data is not a video page's. */
export function videoData(data: Obj): DataVideo | undefined {
  const videoId =
    str(at(data, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) ??
    str(at(data, 'currentVideoEndpoint', 'reelWatchEndpoint', 'videoId')) ??
    str(at(data, 'replacementEndpoint', 'reelWatchEndpoint', 'videoId'));
  if (!videoId) return undefined;
  const primary = obj(findFirst(data.contents, 'videoPrimaryInfoRenderer'));
  const secondary = obj(findFirst(data.contents, 'videoSecondaryInfoRenderer'));
  const owner = obj(at(secondary, 'owner', 'videoOwnerRenderer'));
  const counts = obj(at(primary, 'viewCount', 'videoViewCountRenderer'));
  const header = obj(findFirst(data.engagementPanels, 'videoDescriptionHeaderRenderer'));
  const browse = obj(at(owner, 'navigationEndpoint', 'browseEndpoint'));
  const channelId = str(browse?.browseId);
  return {
    videoId,
    title: ytText(primary?.title) ?? ytText(header?.title),
    isLive: counts?.isLive === true,
    views: ytText(counts?.viewCount) ?? ytText(header?.views),
    ...likeButton(primary ?? data.overlay),
    comments:
      ytText(at(findFirst(data.contents, 'commentsEntryPointHeaderRenderer'), 'commentCount')) ??
      ytText(
        at(
          arr(data.engagementPanels).find(
            (p) => at(p, 'engagementPanelSectionListRenderer', 'targetId') === 'engagement-panel-comments-section',
          ),
          'engagementPanelSectionListRenderer',
          'header',
          'engagementPanelTitleHeaderRenderer',
          'contextualInfo',
        ),
      ),
    owner: {
      name: ytText(owner?.title),
      ref: channelFromHref(str(browse?.canonicalBaseUrl)) ?? (channelId ? { by: 'id', value: channelId } : undefined),
      channelId,
      subscribers: ytText(owner?.subscriberCountText),
    },
    description: ytText(secondary?.attributedDescription) ?? ytText(secondary?.description),
  };
}
