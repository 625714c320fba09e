/**
 * YouTube in the worker: a capture from page.ts interpreted into a reading. Channel pages (`/@handle`,
 * `/channel/UC…`, `/c/…`, `/user/…`, on the home, videos, Shorts and live tabs) and video pages (`/watch?v=`,
 * `/shorts/ID`).
 *
 * Two sources, read in this order:
 * - the rendered page: what a person sees — the channel header's subscriber and video texts, each tile's views,
 *   the watch page's views, like button and comment count;
 * - the embedded `ytInitialData` (page-data.ts), as served with the page. It holds the exact view counts
 *   ("68,828 views" behind "68K views") and is the only source on a served page (tests/fixtures/youtube, 2023).
 *   It describes the URL the server sent, so it is used only when the channel id/handle, selected tab or video id
 *   it carries is the URL's — after in-app navigation it describes another page and is ignored.
 * A rendered count is upgraded to the data's exact value only when the two agree (see upgradeToExact).
 */
import type { CountField, CountSource, PostReading, Reading } from '../../reading';
import { unknownCount as unknown } from '../../reading';
import { defineReader, type ReadingBase } from '../define-reader';
import { exactCount, firstKnown, upgradeToExact } from '../fields';
import { cleanText, readingUrl } from '../page-text';
import {
  YouTubeCaptureSchema,
  type YouTubeCapture,
  type YouTubeHeader,
  type YouTubeShownVideo,
  type YouTubeTile,
} from './capture';
import { headerHandle } from './header';
import { youtubePage } from './page';
import { channelData, type DataChannel, type DataPost, initialDataIn, videoData, type DataVideo } from './page-data';
import { classifyHeaderTexts, countInText, exactInteger, type HeaderTexts, isWatchingText, pickViewText } from './text';
import { type ChannelRef, type ChannelTab, channelFromPath, sameChannel, videoFromUrl } from './urls';

type Capture<K extends YouTubeCapture['kind']> = Extract<YouTubeCapture, { kind: K }>;

const GRID_VIEWS_ONLY = "YouTube's grid shows views only";
const LIVE_VIEWERS = 'live now: YouTube shows how many people are watching, not views';
const NO_HEADER = 'the channel header is not on the page';

/** The channel page data when it describes the channel `ref` names; undefined when absent or stale. */
function channelDataFor(pageData: readonly string[], ref: ChannelRef): DataChannel | undefined {
  const data = initialDataIn(pageData);
  const channel = data && channelData(data);
  return channel?.refs.some((r) => sameChannel(r, ref)) ? channel : undefined;
}

/** The video page data when it describes the video `id`; undefined when absent or stale. */
function videoDataFor(pageData: readonly string[], id: string): DataVideo | undefined {
  const data = initialDataIn(pageData);
  const video = data && videoData(data);
  return video?.videoId === id ? video : undefined;
}

function describe(ref: ChannelRef): string {
  return ref.by === 'handle' ? `@${ref.value}` : ref.by === 'id' ? `channel ${ref.value}` : `/${ref.by}/${ref.value}`;
}

/**
 * A field for a text that spells the whole count ("1.077.715 visualizaciones"): exact when its number is a whole
 * integer, otherwise read as shown.
 */
function fullCount(text: string, lang: string, source: 'page-data' | 'visible-text', what: string): CountField {
  const exact = exactInteger(text, lang);
  return exact === undefined ? countInText(text, lang, source, what) : exactCount(exact, text, source);
}

function gridPost(
  id: string,
  url: string,
  format: PostReading['format'],
  pinned: boolean,
  views: CountField,
  title: string | undefined,
): PostReading {
  const gridOnly = unknown(GRID_VIEWS_ONLY);
  return {
    id,
    url,
    format,
    pinned,
    repost: false,
    views,
    likes: gridOnly,
    comments: gridOnly,
    shares: gridOnly,
    saves: gridOnly,
    caption: title,
  };
}

/** A rendered channel header's texts told apart (see classifyHeaderTexts), with its name and description. */
interface ShownHeader extends HeaderTexts {
  name?: string;
  bio?: string;
}

function shownHeader(header: YouTubeHeader): ShownHeader {
  const { metadata, name, bio } = header;
  const texts = metadata
    ? classifyHeaderTexts(metadata)
    : { handle: headerHandle(header), subscribers: header.subscribers, videos: header.videos };
  return { ...texts, name, bio };
}

/** A video tile of the channel's, as rendered. */
interface ShownPost {
  id: string;
  url: string;
  format: 'video' | 'short' | 'live';
  pinned: boolean;
  liveNow: boolean;
  viewsText?: string;
  title?: string;
}

/** A tile's address (from the untrusted capture) when it is a web address, never a `javascript:` one. */
function videoLink(href: string): URL | undefined {
  try {
    const url = new URL(href, 'https://www.youtube.com');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The channel's videos among the rendered tiles, in page order: tiles that link to other channels only are left
 * out (the home tab's shelves may feature other channels); on the home tab, tiles outside an uploads shelf are
 * marked pinned (promoted picks, not the latest uploads).
 */
function shownPosts(tiles: readonly YouTubeTile[], tab: ChannelTab, channel: readonly ChannelRef[]): ShownPost[] {
  const seen = new Set<string>();
  const latest = new Set<string>();
  const out: ShownPost[] = [];
  for (const tile of tiles) {
    const link = videoLink(tile.url);
    const id = link && videoFromUrl(link)?.id;
    if (!link || !id || out.length >= 500) continue;
    const { owners } = tile;
    if (owners.length > 0 && !owners.some((o) => channel.some((c) => sameChannel(o, c)))) continue;
    if (tab !== 'featured' || tile.inUploadsShelf) latest.add(id);
    if (seen.has(id)) continue;
    seen.add(id);
    const liveNow = tile.liveBadge || tile.texts.some(isWatchingText);
    out.push({
      id,
      url: readingUrl(link),
      format: tile.short ? 'short' : liveNow || tab === 'streams' ? 'live' : 'video',
      pinned: false,
      liveNow,
      viewsText: pickViewText(tile.texts),
      title: tile.title,
    });
  }
  // A video that is also in the uploads shelf is one of the latest, wherever else the home tab features it.
  return out.map((post) => ({ ...post, pinned: !latest.has(post.id) }));
}

function renderedPost(post: ShownPost, data: DataPost | undefined, lang: string): PostReading {
  const exact = data && !data.liveNow ? exactInteger(data.fullViews, lang) : undefined;
  const views = tileViews(post.liveNow, post.viewsText, 'visible-text', exact, lang);
  return gridPost(post.id, post.url, post.format, post.pinned, views, post.title);
}

function servedPost(post: DataPost, lang: string): PostReading {
  const url =
    post.format === 'short'
      ? `https://www.youtube.com/shorts/${post.id}`
      : `https://www.youtube.com/watch?v=${post.id}`;
  const views = tileViews(post.liveNow, post.shownViews, 'page-data', exactInteger(post.fullViews, lang), lang);
  return gridPost(post.id, url, post.format, post.pinned, views, post.title);
}

/**
 * A video tile's view count: live viewers are not views; otherwise the count the tile shows, upgraded to the
 * page data's exact count when that agrees with it.
 */
function tileViews(
  liveNow: boolean | undefined,
  shown: string | null | undefined,
  source: CountSource,
  exact: ReturnType<typeof exactInteger>,
  lang: string,
): CountField {
  if (liveNow) return unknown(LIVE_VIEWERS);
  const views = shown ? countInText(shown, lang, source, 'views') : unknown('the video tile shows no view count');
  return upgradeToExact(views, exact, 'page-data');
}

function readChannel(page: Capture<'channel'>, base: ReadingBase, ref: ChannelRef, tab: ChannelTab): Reading {
  const { lang } = base;
  const data = channelDataFor(page.pageData, ref);
  const header = page.header && shownHeader(page.header);
  // The rendered header must show the channel the URL names (YouTube keeps the previous channel's header until
  // the new one renders). A /channel/ URL names no handle: the same-URL page data tells which handle to expect.
  const expected = ref.by === 'handle' ? ref.value : data?.handle;
  if (header?.handle && expected && header.handle.toLowerCase() !== expected.toLowerCase()) {
    return { kind: 'other', ...base, reason: `the page still shows @${header.handle}, not ${describe(ref)}` };
  }

  const headerCount = (
    shown: string | undefined,
    served: string | undefined,
    what: string,
    missing: string,
  ): CountField => {
    const fields: CountField[] = [];
    if (header) fields.push(shown ? countInText(shown, lang, 'visible-text', what) : unknown(missing));
    if (data?.hasHeader) fields.push(served ? countInText(served, lang, 'page-data', what) : unknown(missing));
    return fields.length > 0 ? firstKnown(...fields) : unknown(NO_HEADER);
  };

  const identity: ChannelRef[] = [ref, ...(data?.refs ?? [])];
  if (header?.handle) identity.push({ by: 'handle', value: header.handle });
  // The data's posts are the tab it was served for; after switching tabs they are another tab's.
  const tabData = data?.tab === tab ? data : undefined;
  const byId = new Map((tabData?.posts ?? []).map((p) => [p.id, p]));
  const rendered = shownPosts(page.tiles, tab, identity);
  const recentPosts =
    rendered.length > 0
      ? rendered.map((p) => renderedPost(p, byId.get(p.id), lang))
      : (tabData?.posts ?? []).map((p) => servedPost(p, lang));

  const handle =
    header?.handle ??
    data?.handle ??
    (ref.by === 'handle' || ref.by === 'id' ? ref.value : (data?.channelId ?? ref.value));
  return {
    kind: 'profile',
    ...base,
    handle: cleanText(handle, 100),
    displayName: cleanText(header?.name ?? data?.title) || undefined,
    // The page data holds the whole description; the rendered header only its first line.
    bio: cleanText(data?.description ?? header?.bio, 5000) || undefined,
    followers: headerCount(
      header?.subscribers,
      data?.header.subscribers,
      'subscribers',
      'the channel header shows no subscriber count (the channel may hide it)',
    ),
    following: unknown("YouTube doesn't show which channels a channel follows"),
    posts: headerCount(header?.videos, data?.header.videos, 'videos', 'the channel header shows no video count'),
    totalLikes: unknown("YouTube doesn't show a channel's total likes"),
    recentPosts,
  };
}

/** A rendered watch page's (or Short's) texts: the views text told apart from the date. */
function shownVideo(shown: YouTubeShownVideo) {
  const { tooltip, legacyViews } = shown;
  return {
    ...shown,
    // The views text shown under the video ("1M views", or the full count once the description is expanded).
    viewsShown: pickViewText(shown.info) ?? legacyViews,
    // The tooltip reads "1,077,715 views • Apr 14, 2017": its first part is the view count.
    viewsFull: tooltip ? pickViewText(tooltip.split(/\s*[•·]\s*/)) : legacyViews,
  };
}

function readVideo(page: Capture<'video'>, base: ReadingBase, id: string, short: boolean): Reading {
  const { lang } = base;
  const data = videoDataFor(page.pageData, id);
  const dom = page.shown && shownVideo(page.shown);
  const author = dom?.owner ?? data?.owner.ref;
  if (!author) {
    return {
      kind: 'other',
      ...base,
      reason: dom || data ? "the video's channel is not on the page yet" : 'the video has not rendered yet',
    };
  }

  let views: CountField;
  if (data?.isLive || (dom?.viewsShown && isWatchingText(dom.viewsShown))) {
    views = unknown(LIVE_VIEWERS);
  } else {
    const shown = dom?.viewsShown
      ? countInText(dom.viewsShown, lang, 'visible-text', 'views')
      : data?.views
        ? fullCount(data.views, lang, 'page-data', 'views')
        : unknown(short ? "YouTube's Shorts player doesn't show a view count" : 'no view count on this page');
    views = upgradeToExact(
      upgradeToExact(shown, exactInteger(dom?.viewsFull, lang), 'visible-text'),
      exactInteger(data?.views, lang),
      'page-data',
    );
  }

  // The like button's label spells the exact count ("like this video along with 7,373 other people").
  const dataLikes = exactInteger(data?.likesLabel, lang) ?? data?.likesNumber;
  let likes = dom?.likeButton
    ? upgradeToExact(
        upgradeToExact(
          countInText(dom.likesShown, lang, 'visible-text', 'likes'),
          exactInteger(dom.likesLabel, lang),
          'aria-label',
        ),
        dataLikes,
        'page-data',
      )
    : upgradeToExact(countInText(data?.likesShown, lang, 'page-data', 'likes'), dataLikes, 'page-data');
  if (likes.status === 'unknown' && (dom?.likeButton || data?.likesShown)) {
    likes = unknown('the like button shows no count (the creator may have hidden likes)');
  }

  const comments = dom?.comments
    ? countInText(dom.comments, lang, 'visible-text', 'comments')
    : data?.comments
      ? countInText(data.comments, lang, 'page-data', 'comments')
      : unknown('the comments had not loaded (YouTube loads them as you scroll down)');

  const subscribers = dom?.subscribers
    ? countInText(dom.subscribers, lang, 'visible-text', 'subscribers')
    : data?.owner.subscribers
      ? countInText(data.owner.subscribers, lang, 'page-data', 'subscribers')
      : unknown('the video page shows no subscriber count for its channel');

  return {
    kind: 'post',
    ...base,
    author: cleanText(author.value, 100),
    authorFollowers: subscribers,
    post: {
      id,
      url: base.url,
      format: short ? 'short' : data?.isLive ? 'live' : 'video',
      pinned: false,
      repost: false,
      views,
      likes,
      comments,
      shares: unknown("YouTube doesn't show how often a video was shared"),
      saves: unknown("YouTube doesn't show how often a video was saved"),
      caption: cleanText(dom?.title ?? data?.title, 5000) || undefined,
    },
  };
}

export const youtube = defineReader(youtubePage, {
  label: 'YouTube',
  schema: YouTubeCaptureSchema,
  interpret(page, base, url): Reading {
    const channel = channelFromPath(url.pathname);
    if (channel && page.kind === 'channel') return readChannel(page, base, channel.ref, channel.tab);
    const video = videoFromUrl(url);
    if (video && page.kind === 'video') return readVideo(page, base, video.id, video.short);
    return { kind: 'other', ...base, reason: 'this YouTube page is not a channel or a video' };
  },
});
