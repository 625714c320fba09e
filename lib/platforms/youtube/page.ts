/**
 * YouTube in the page: which URLs are channels and videos, when the page shows what its URL names, and what the
 * content script collects from it.
 *
 * Two sources:
 * - the rendered page (dom.ts): the active channel page's header texts and video tiles, the watch page's (or
 *   active Short's) view, like and comment texts. Seen on the hand-written tests/fixtures/youtube/synthetic-*.html
 *   (no saved rendered page exists yet; the selectors come from maintained extensions, see dom.ts);
 * - the inline script assigning `ytInitialData` (served.ts), as text: the only source on a served page
 *   (tests/fixtures/youtube/channel-*.html and watch-es-hwMkbaS_M_c.html, 2023), parsed by the reader; left out
 *   when it names another channel or video (it is then a previous page's, after in-app navigation).
 * Which text is which count, and whether the page data is about this page, is decided by the reader (reader.ts).
 */
import type { PageCollector, PageKind } from '../platform';
import { PLATFORM_HOSTS } from '../hosts';
import { sameHandle } from '../page-numbers';
import type { YouTubeCapture } from './capture';
import { activeBrowse, activeShort, domHeader, domTiles, domVideo, videoOwner, watchPage } from './dom';
import { headerHandle } from './header';
import { initialDataTexts, servedChannel, servesVideo, textsFor } from './served';
import { channelFromPath, videoFromUrl } from './urls';

/** The rendered watch page of the URL's video, or the active Short. */
const videoScope = (doc: Document, video: { id: string; short: boolean }) =>
  video.short ? activeShort(doc) : watchPage(doc, video.id);

export const youtubePage: PageCollector<YouTubeCapture> = {
  platform: 'youtube',
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
      const { ref } = channel;
      const page = activeBrowse(doc);
      const header = page && domHeader(page);
      const shown = header && headerHandle(header);
      // The rendered header must show the URL's channel (YouTube keeps the previous channel's header until the
      // new one renders). A header whose handle cannot be checked is taken as it is.
      if (header && (!shown || ref.by === 'handle')) return !shown || sameHandle(shown, ref.value);
      // A /channel/ URL names no handle: the served data, when it is about this channel, tells which to expect.
      const served = servedChannel(initialDataTexts(doc), ref);
      if (!header) return served?.header === true;
      return !served?.handle || sameHandle(shown, served.handle);
    }
    const video = videoFromUrl(url);
    if (video) {
      const scope = videoScope(doc, video);
      return (scope !== undefined && videoOwner(scope) !== undefined) || servesVideo(initialDataTexts(doc), video.id);
    }
    return true;
  },

  collect(doc: Document, url: URL): YouTubeCapture {
    const channel = channelFromPath(url.pathname);
    if (channel) {
      const page = activeBrowse(doc);
      return {
        kind: 'channel',
        header: page && domHeader(page),
        tiles: page ? domTiles(page, channel.tab) : [],
        pageData: textsFor(initialDataTexts(doc), channel.ref),
      };
    }
    const video = videoFromUrl(url);
    if (!video) return { kind: 'other' };
    const scope = videoScope(doc, video);
    return {
      kind: 'video',
      shown: scope && domVideo(scope),
      pageData: textsFor(initialDataTexts(doc), undefined, video.id),
    };
  },
};
