/**
 * What the popup shows for a tab, built by the worker at two speeds:
 *
 * - **stored** — from the tab's state in `storage.session`, assessed when the page was read. No message to the
 *   page, nothing written: the popup can draw this as soon as it opens.
 * - **fresh** — after asking the page to capture itself again (posts may have scrolled in since), interpreting and
 *   assessing that capture. A page that does not answer in time (busy, navigating, its content script gone after
 *   an extension update) leaves the stored state.
 *
 * The browser is reached through {@link TabSources}, so this is tested with plain fakes.
 */
import type { Assessment } from '../assess';
import type { Platform, ProfileReading } from '../reading';
import { samePage, type TabView } from '../tab-view';
import type { ShortlistView } from './shortlist-view';
import type { TabState } from './tab-state';

/**
 * How long a fresh capture may take before the stored state is used. Capturing a page takes milliseconds; a page
 * whose main thread is busy (a heavy site, a tab being throttled) may not answer for seconds, and a save or a
 * 'waiting' popup should not wait on it that long.
 */
export const FRESH_CAPTURE_TIMEOUT_MS = 3000;

/** The page a tab shows, when it is on a supported site (only then can the extension see its address). */
export interface TabPage {
  url: URL;
  platform: Platform;
}

export interface TabSources {
  /** The tab's page, or undefined when the tab is gone or not on a supported site. */
  page(tabId: number): Promise<TabPage | undefined>;
  /** The tab's stored state, whatever page it is of. */
  stored(tabId: number): Promise<TabState | undefined>;
  /**
   * Asks the page to capture itself again; the accepted capture's state (assessed and stored), or undefined when
   * the page did not answer or its capture was refused.
   */
  fresh(tabId: number, url: URL): Promise<TabState | undefined>;
}

/** The tab's page and its state, if that state is of the page the tab shows now. */
export interface CurrentState {
  page?: TabPage;
  state?: TabState;
}

/** The tab's state from storage. The address and the state are read at the same time. */
export async function storedState(tabId: number, sources: TabSources): Promise<CurrentState> {
  const [page, state] = await Promise.all([sources.page(tabId), sources.stored(tabId)]);
  return ofPage(page, state);
}

/** The tab's state from a fresh capture of its page, or from storage when the page does not answer in time. */
export async function freshState(
  tabId: number,
  sources: TabSources,
  timeoutMs = FRESH_CAPTURE_TIMEOUT_MS,
): Promise<CurrentState> {
  const page = await sources.page(tabId);
  if (!page) return {};
  const fresh = await withTimeout(
    sources.fresh(tabId, page.url).catch(() => undefined),
    timeoutMs,
  );
  return ofPage(page, fresh ?? (await sources.stored(tabId)));
}

/**
 * The popup's view of a tab's state. The shortlist's side of a profile is asked for only when there is a profile
 * to show; a shortlist that cannot be read is said in words, beside the reading, instead of hiding it.
 */
export async function tabViewOf(
  { page, state }: CurrentState,
  shortlist: (reading: ProfileReading, assessment: Assessment) => Promise<ShortlistView>,
  problemText: (error: unknown) => string,
): Promise<TabView> {
  if (!page) return { state: 'unsupported' };
  if (!state) return { state: 'waiting', platform: page.platform, url: page.url.href };
  if (state.reading.kind !== 'profile' || !state.assessment) return { state: 'read', ...state };
  try {
    return { state: 'read', ...state, shortlist: await shortlist(state.reading, state.assessment) };
  } catch (error) {
    return { state: 'read', ...state, storageProblem: problemText(error) };
  }
}

/** A state is shown only for the page it was read from: after navigating, the tab's old reading is not this page's. */
function ofPage(page: TabPage | undefined, state: TabState | undefined): CurrentState {
  if (!page) return {};
  return state && samePage(state.reading.url, page.url.href) ? { page, state } : { page };
}

/** The promise's value, or undefined if it has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
