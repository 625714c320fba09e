/**
 * YouTube: channel pages (`/@handle`, `/channel/UC…`, `/c/…`, `/user/…`, on the home, videos, Shorts and live
 * tabs) and video pages (`/watch?v=`, `/shorts/ID`).
 *
 * Two sources, read in this order:
 * - the rendered page (youtube-dom.ts): what a person sees — the channel header's subscriber and video texts,
 *   each tile's views, the watch page's views, like button and comment count;
 * - the embedded `ytInitialData` (youtube-page-data.ts), as served with the page. It holds the exact view
 *   counts ("68,828 views" behind "68K views") and is the only source on a served page (tests/fixtures/youtube,
 *   2023). It describes the URL the server sent, so it is used only when the channel id/handle, selected tab or
 *   video id it carries is the URL's — after in-app navigation it describes another page and is ignored.
 * A rendered count is upgraded to the data's exact value only when the two agree (see upgradeToExact).
 */
import type { CountField, PostReading, Reading } from '../reading';
import { cleanText, exactCount, firstKnown, pageLang, readingUrl, upgradeToExact } from './fields';
import { PLATFORM_HOSTS } from './hosts';
import type { PageKind, PlatformReader } from './platform';
import { activeBrowse, activeShort, domHeader, type DomPost, domPosts, domVideo, watchPage } from './youtube-dom';
import {
  channelData,
  type DataChannel,
  type DataPost,
  initialData,
  videoData,
  type DataVideo,
} from './youtube-page-data';
import { countInText, exactInteger, isWatchingText } from './youtube-text';
import { type ChannelRef, type ChannelTab, channelFromPath, sameChannel, videoFromUrl } from './youtube-urls';

const GRID_VIEWS_ONLY = "YouTube's grid shows views only";
const LIVE_VIEWERS = 'live now: YouTube shows how many people are watching, not views';
const NO_HEADER = 'the channel header is not on the page';

const unknown = (reason: string): CountField => ({ status: 'unknown', reason });

/** The channel page data when it describes the channel `ref` names; undefined when absent or stale. */
function channelDataFor(doc: Document, ref: ChannelRef): DataChannel | undefined {
  const data = initialData(doc);
  const channel = data && channelData(data);
  return channel?.refs.some((r) => sameChannel(r, ref)) ? channel : undefined;
}

/** The video page data when it describes the video `id`; undefined when absent or stale. */
function videoDataFor(doc: Document, id: string): DataVideo | undefined {
  const data = initialData(doc);
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

function renderedPost(post: DomPost, data: DataPost | undefined, lang: string): PostReading {
  const views = post.liveNow
    ? unknown(LIVE_VIEWERS)
    : upgradeToExact(
        post.viewsText
          ? countInText(post.viewsText, lang, 'visible-text', 'views')
          : unknown('the video tile shows no view count'),
        data && !data.liveNow ? exactInteger(data.fullViews, lang) : undefined,
        'page-data',
      );
  return gridPost(post.id, post.url, post.format, post.pinned, views, post.title);
}

function servedPost(post: DataPost, lang: string): PostReading {
  const url =
    post.format === 'short'
      ? `https://www.youtube.com/shorts/${post.id}`
      : `https://www.youtube.com/watch?v=${post.id}`;
  const views = post.liveNow
    ? unknown(LIVE_VIEWERS)
    : upgradeToExact(
        post.shownViews
          ? countInText(post.shownViews, lang, 'page-data', 'views')
          : unknown('the video tile shows no view count'),
        exactInteger(post.fullViews, lang),
        'page-data',
      );
  return gridPost(post.id, url, post.format, post.pinned, views, post.title);
}

function readChannel(doc: Document, url: URL, ref: ChannelRef, tab: ChannelTab, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'youtube' as const, url: readingUrl(url), lang, readAt: now };
  const data = channelDataFor(doc, ref);
  const page = activeBrowse(doc);
  const header = page && domHeader(page);
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
  const rendered = page ? domPosts(page, tab, identity) : [];
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

function readVideo(doc: Document, url: URL, id: string, short: boolean, now: number): Reading {
  const lang = pageLang(doc);
  const base = { platform: 'youtube' as const, url: readingUrl(url), lang, readAt: now };
  const data = videoDataFor(doc, id);
  const scope = short ? activeShort(doc) : watchPage(doc, id);
  const dom = scope ? domVideo(scope) : undefined;
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
      url: readingUrl(url),
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

/** The YouTube reader. */
export const youtube: PlatformReader = {
  platform: 'youtube',
  label: 'YouTube',
  hosts: PLATFORM_HOSTS.youtube,

  pageKind(url: URL): PageKind {
    if (channelFromPath(url.pathname)) return 'profile';
    if (videoFromUrl(url)) return 'post';
    return 'other';
  },

  handleFromUrl(url: URL) {
    return channelFromPath(url.pathname)?.ref.value;
  },

  isReady(doc: Document, url: URL) {
    const channel = channelFromPath(url.pathname);
    if (channel) {
      const page = activeBrowse(doc);
      const header = page && domHeader(page);
      const data = channelDataFor(doc, channel.ref);
      if (!header) return Boolean(data?.hasHeader);
      const expected = channel.ref.by === 'handle' ? channel.ref.value : data?.handle;
      // A header whose handle cannot be checked (a /channel/ URL without same-URL data) is taken as it is.
      return !header.handle || !expected || header.handle.toLowerCase() === expected.toLowerCase();
    }
    const video = videoFromUrl(url);
    if (video) {
      const scope = video.short ? activeShort(doc) : watchPage(doc, video.id);
      if (scope && domVideo(scope).owner) return true;
      return videoDataFor(doc, video.id) !== undefined;
    }
    return true;
  },

  read(doc: Document, url: URL, now = Date.now()): Reading {
    const channel = channelFromPath(url.pathname);
    if (channel) return readChannel(doc, url, channel.ref, channel.tab, now);
    const video = videoFromUrl(url);
    if (video) return readVideo(doc, url, video.id, video.short, now);
    return {
      kind: 'other',
      platform: 'youtube',
      url: readingUrl(url),
      lang: pageLang(doc),
      readAt: now,
      reason: 'this YouTube page is not a channel or a video',
    };
  },
};
