/**
 * The one interface every platform implements, in two halves so that a page only ever loads the small one:
 *
 * - the **collector** runs in the site's page (the content script): it knows which URLs are profiles and posts,
 *   when the page shows what its URL names, and collects what the page shows — texts, attributes, the page's
 *   embedded data as text — into plain data. It parses no count and decides nothing, so it stays small and quick.
 * - the **reader** runs in the background worker: it checks a capture against the platform's schema (it came from
 *   a page, so it is untrusted) and interprets it into a typed {@link Reading}: counts parsed in the page's
 *   language, exact values preferred where they agree with what is shown, reasons for what could not be read.
 *
 * Neither knows the browser, so a site change is a fix in one platform's folder, proven by the saved pages in
 * tests/fixtures: a selector change in its `page.ts`, a change of meaning in its `reader.ts`.
 */
import type { Platform, Reading } from '../reading';
import type { PageCapture } from '../capture';

export type PageKind = 'profile' | 'post' | 'other';

export interface PageCollector<Data = unknown> {
  readonly platform: Platform;
  /** Host names the platform is on, used for the content script's match patterns and host permissions. */
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
  /**
   * What the page shows that the reader needs, as plain, bounded data (it crosses to the worker as a message):
   * cleaned texts clipped to the capture schema's limits, and no interpretation.
   */
  collect(doc: Document, url: URL): Data;
}

/** A capture interpreted, or the reason it was refused (a malformed capture is dropped, never stored). */
export type Interpretation = { ok: true; reading: Reading } | { ok: false; problem: string };

export interface PlatformReader<Data = unknown> extends PageCollector<Data> {
  /** The name shown to people ("TikTok"). */
  readonly label: string;
  /** Checks an untrusted capture against the platform's schema and interprets it. Never throws. */
  interpret(capture: PageCapture): Interpretation;
  /**
   * Collects and interprets a page in one step, as the content script and the worker do together: for tests,
   * `npm run inspect` and the bench. Throws when the collector's own capture fails its schema (a bug).
   */
  read(doc: Document, url: URL, now?: number): Reading;
}
