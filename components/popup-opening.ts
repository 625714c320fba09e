/**
 * The popup's first question — which tab it was opened on, and that tab's stored view — asked before the popup's
 * UI exists. Plain TypeScript without Preact, so that the popup's entrypoint can evaluate it (and send the request)
 * before Preact and the components.
 */
import type { TabView } from '../lib/tab-view';

/** The tab the popup was opened on and the request for its stored view, already sent. */
export interface PopupOpening {
  tabId: number;
  storedView: Promise<TabView>;
}

/**
 * Asks for the active tab's stored view as soon as the tab is known. Undefined when there is no tab the popup can
 * speak about (then nothing is asked).
 */
export function openPopupOn(
  activeTab: Promise<number | undefined>,
  storedView: (tabId: number) => Promise<TabView>,
): Promise<PopupOpening | undefined> {
  return activeTab.then((tabId) => {
    if (tabId === undefined) return undefined;
    const view = storedView(tabId);
    // The popup awaits it once it has rendered; a failure before then is not "unhandled" in between.
    view.catch(() => undefined);
    return { tabId, storedView: view };
  });
}
