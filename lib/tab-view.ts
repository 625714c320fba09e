/** What the popup shows for the active tab, decided by the background worker. */
import type { Platform } from './reading';
import type { TabState } from './background/tab-state';
import type { SavedStatus, ShortlistView } from './background/shortlist-view';

export type TabView =
  /** The tab is not on a supported site (or the extension cannot see its address). */
  | { state: 'unsupported' }
  /** A supported site, but no reading has arrived for the page now shown (e.g. open before install). */
  | { state: 'waiting'; platform: Platform; url: string }
  /** The latest reading of the page now shown, with its assessment and (for profiles) the shortlist's view. */
  | ({ state: 'read'; shortlist?: ShortlistView; storageProblem?: string } & TabState);

/** What saving a creator to the shortlist did. */
export type SaveResult =
  { ok: true; added: boolean; campaignName: string; saved: SavedStatus } | { ok: false; message: string };

/** Two URLs name the same page when they differ only in fragment, a trailing slash or tracking parameters. */
export function samePage(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '') || '/';
    // Profile and post pages are identified by host and path (and YouTube's ?v= on watch pages).
    return ua.host === ub.host && path(ua) === path(ub) && ua.searchParams.get('v') === ub.searchParams.get('v');
  } catch {
    return false;
  }
}
