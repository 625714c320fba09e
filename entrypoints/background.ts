import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../lib/messaging';
import { validateReading, type Reading } from '../lib/reading';
import { readerForUrl } from '../lib/platforms';
import { samePage, type TabView } from '../lib/tab-view';
import { tabStates, type TabState } from '../lib/background/tab-state';
import { assessReading } from '../lib/background/tab-assessment';
import { badgeFor } from '../lib/background/badge';
import { migrateSettings, type AssessSettings } from '../lib/assess';

export default defineBackground(() => {
  // The MV3 worker can be stopped between any two events, so every listener is registered synchronously here
  // and every piece of state lives in storage, not in memory.
  const tabs = tabStates(browser.storage.session);

  async function settings(): Promise<AssessSettings> {
    const { settings: stored } = await browser.storage.local.get('settings');
    const migrated = migrateSettings(stored);
    if (stored !== undefined && migrated.problems.length) {
      console.warn('Creator Scout: settings reset where invalid:', migrated.problems.join('; '));
    }
    return migrated.settings;
  }

  async function update(tabId: number, reading: Reading): Promise<TabState> {
    const state = assessReading(reading, await settings());
    await tabs.set(tabId, state);
    await showBadge(tabId, state);
    return state;
  }

  onMessage('pageRead', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only content scripts in a tab may report readings, and only for a page on a supported site.
    if (tabId === undefined || sender.id !== browser.runtime.id) return;
    const accepted = acceptReading(data, sender.tab?.url ?? sender.url);
    if (accepted) await update(tabId, accepted);
  });

  onMessage('getTabView', async ({ data: tabId }): Promise<TabView> => {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    // With host permissions only, a tab's url is visible exactly when it is on a supported site.
    const url = tab?.url ? safeUrl(tab.url) : undefined;
    const reader = url && readerForUrl(url);
    if (!url || !reader) return { state: 'unsupported' };
    // Ask the page for a fresh reading (posts may have scrolled in); fall back to the last one stored.
    const fresh = await sendMessage('readNow', undefined, tabId).catch(() => undefined);
    const accepted = fresh ? acceptReading(fresh, url.href) : undefined;
    const state = accepted ? await update(tabId, accepted) : await storedState(tabId);
    if (state && samePage(state.reading.url, url.href)) return { state: 'read', ...state };
    return { state: 'waiting', platform: reader.platform, url: url.href };
  });

  /** The stored state; an assessment from an older version is recomputed from its reading. */
  async function storedState(tabId: number): Promise<TabState | undefined> {
    const state = await tabs.get(tabId);
    if (!state || state.reading.kind === 'other' || state.assessment || state.postAssessment) return state;
    return update(tabId, state.reading);
  }

  async function showBadge(tabId: number, state: TabState | undefined) {
    const badge = badgeFor(state);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge?.text ?? '' }),
      browser.action.setTitle({ tabId, title: badge?.title ?? 'Creator Scout' }),
      ...(badge ? [browser.action.setBadgeBackgroundColor({ tabId, color: badge.color })] : []),
    ]).catch(() => undefined); // the tab may have closed meanwhile
  }

  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));
});

/** A reading from a content script is kept only if it is well-formed and about the page its tab shows. */
function acceptReading(input: unknown, senderUrl: string | undefined): Reading | undefined {
  const result = validateReading(input);
  if (!result.ok) {
    console.warn('Creator Scout: dropped a malformed reading:', result.problem);
    return undefined;
  }
  const reading = result.reading;
  const url = senderUrl ? safeUrl(senderUrl) : undefined;
  const reader = url && readerForUrl(url);
  if (!reader || reader.platform !== reading.platform || !samePage(reading.url, url.href)) {
    console.warn('Creator Scout: dropped a reading that does not match its tab', reading.url);
    return undefined;
  }
  return reading;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
