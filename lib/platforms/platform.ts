/**
 * The one interface every platform reader implements. A reader knows which URLs are its profiles and posts and
 * how to read a page into a typed {@link Reading}; it knows nothing of the browser, so a site change is a fix in
 * one file, proven by the saved pages in tests/fixtures.
 */
import type { Platform, Reading } from '../reading';

export type PageKind = 'profile' | 'post' | 'other';

export interface PlatformReader {
  readonly platform: Platform;
  /** The name shown to people ("TikTok"). */
  readonly label: string;
  /** Host names the reader handles, used for the content script's match patterns and host permissions. */
  readonly hosts: readonly string[];
  /** What kind of page a URL is, from the URL alone. */
  pageKind(url: URL): PageKind;
  /**
   * The handle (or channel id) a profile or post URL names, used to check that the page shows the profile the URL
   * asks for before attributing numbers to it (single-page apps keep the previous page's DOM for a while).
   */
  handleFromUrl(url: URL): string | undefined;
  /**
   * True once the page's DOM shows the page `url` names, so it can be read (e.g. the profile header with the same
   * handle has rendered). Used to wait after single-page-app navigation.
   */
  isReady(doc: Document, url: URL): boolean;
  /** Reads the page. Never throws; counts that cannot be read are `unknown` with a reason. */
  read(doc: Document, url: URL, now?: number): Reading;
}
