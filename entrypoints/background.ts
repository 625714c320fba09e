import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../lib/messaging';
import { validateReading, type ProfileReading, type Reading } from '../lib/reading';
import { readerForUrl } from '../lib/platforms';
import { samePage, type SaveResult, type TabView } from '../lib/tab-view';
import { tabStates, type TabState } from '../lib/background/tab-state';
import { assessReading } from '../lib/background/tab-assessment';
import { badgeFor } from '../lib/background/badge';
import { creatorSummary } from '../lib/background/creator-summary';
import { activeCampaign, fitFor, followerHistory, savedStatus, shortlistView } from '../lib/background/shortlist-view';
import { migrateSettings, type AssessSettings } from '../lib/assess';
import { addCorrection, applyCorrections, CorrectionSchema, type PageCorrections } from '../lib/background/corrections';
import * as v from 'valibot';
import { ensureSampleCampaign } from '../lib/campaigns/first-run';
// The store's modules one by one: its index also brings CSV export (papaparse), which the worker never needs.
import { openScoutDb, type ScoutDb } from '../lib/store/db';
import { recordVisit, saveCreator, setActiveCampaignId } from '../lib/store/repo';
import { StorageFullError } from '../lib/store/errors';

export default defineBackground(() => {
  // The MV3 worker can be stopped between any two events, so every listener is registered synchronously here
  // and every piece of state lives in storage, not in memory.
  const tabs = tabStates(browser.storage.session);
  // Firefox builds are MV2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  let dbPromise: Promise<ScoutDb> | undefined;
  const db = () => (dbPromise ??= openScoutDb(indexedDB));

  async function settings(): Promise<AssessSettings> {
    const { settings: stored } = await browser.storage.local.get('settings');
    const migrated = migrateSettings(stored);
    if (stored !== undefined && migrated.problems.length) {
      console.warn('Creator Scout: settings reset where invalid:', migrated.problems.join('; '));
    }
    return migrated.settings;
  }

  const correctionsKey = (tabId: number) => `fix:${tabId}`;
  async function corrections(tabId: number): Promise<PageCorrections | undefined> {
    return (await browser.storage.session.get(correctionsKey(tabId)))[correctionsKey(tabId)] as
      PageCorrections | undefined;
  }

  /** Assesses a reading, keeps it as the tab's state and shows the badge. A profile visit is recorded. */
  async function update(tabId: number, pageReading: Reading, { visit }: { visit: boolean }): Promise<TabState> {
    const reading = applyCorrections(pageReading, await corrections(tabId));
    const history = reading.kind === 'profile' ? await followerHistory(await db(), reading).catch(() => []) : [];
    const state = assessReading(reading, await settings(), history);
    await tabs.set(tabId, state);
    await showBadge(tabId, state);
    if (visit && reading.kind === 'profile' && state.assessment) {
      // A saved creator's page visited again gets a snapshot; unsaved creators are not stored.
      const database = await db();
      const fit = fitFor((await activeCampaign(database)).active, reading, state.assessment);
      await recordVisit(
        database,
        reading,
        state.assessment,
        creatorSummary(state.assessment, fit),
        reading.readAt,
      ).catch((error: unknown) => console.warn('Creator Scout: visit not recorded:', error));
    }
    return state;
  }

  onMessage('pageRead', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only content scripts in a tab may report readings, and only for a page on a supported site.
    if (tabId === undefined || sender.id !== browser.runtime.id) return;
    const accepted = acceptReading(data, sender.tab?.url ?? sender.url);
    if (accepted) await update(tabId, accepted, { visit: true });
  });

  /** The tab's state for the page it shows now: a fresh reading if the page answers, else the stored one. */
  async function currentState(tabId: number): Promise<{ url?: URL; state?: TabState }> {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    // With host permissions only, a tab's url is visible exactly when it is on a supported site.
    const url = tab?.url ? safeUrl(tab.url) : undefined;
    if (!url || !readerForUrl(url)) return {};
    // Ask the page for a fresh reading (posts may have scrolled in); fall back to the last one stored.
    const fresh = await sendMessage('readNow', undefined, tabId).catch(() => undefined);
    const accepted = fresh ? acceptReading(fresh, url.href) : undefined;
    const state = accepted ? await update(tabId, accepted, { visit: false }) : await storedState(tabId);
    return { url, state: state && samePage(state.reading.url, url.href) ? state : undefined };
  }

  onMessage('getTabView', async ({ data: tabId }): Promise<TabView> => {
    const { url, state } = await currentState(tabId);
    const reader = url && readerForUrl(url);
    if (!url || !reader) return { state: 'unsupported' };
    if (!state) return { state: 'waiting', platform: reader.platform, url: url.href };
    if (state.reading.kind !== 'profile' || !state.assessment) return { state: 'read', ...state };
    try {
      return { state: 'read', ...state, shortlist: await shortlistView(await db(), state.reading, state.assessment) };
    } catch (error) {
      return { state: 'read', ...state, storageProblem: problemText(error) };
    }
  });

  async function save(tabId: number): Promise<SaveResult> {
    const { state } = await currentState(tabId);
    if (!state || state.reading.kind !== 'profile' || !state.assessment) {
      return { ok: false, message: 'Open a creator’s profile to save it.' };
    }
    try {
      const database = await db();
      const { active } = await activeCampaign(database);
      if (!active) return { ok: false, message: 'Create a campaign on the options page first.' };
      const reading: ProfileReading = state.reading;
      const fit = fitFor(active, reading, state.assessment);
      const result = await saveCreator(database, {
        reading,
        assessment: state.assessment,
        summary: creatorSummary(state.assessment, fit),
        campaignId: active.id,
        now: Date.now(),
      });
      return { ok: true, added: result.added, campaignName: active.name, saved: savedStatus(result.status) };
    } catch (error) {
      return { ok: false, message: problemText(error) };
    }
  }

  onMessage('saveCreator', ({ data: tabId }) => save(tabId));

  onMessage('correctCount', async ({ data }) => {
    const correction = v.safeParse(CorrectionSchema, data.correction);
    if (!correction.success) throw new Error('That is not a count: enter a whole number, 0 or more.');
    const state = await tabs.get(data.tabId);
    if (!state) return;
    const fixes = addCorrection(await corrections(data.tabId), state.reading.url, correction.output);
    await browser.storage.session.set({ [correctionsKey(data.tabId)]: fixes });
    await update(data.tabId, state.reading, { visit: false });
  });

  onMessage('setActiveCampaign', async ({ data: campaignId }) => {
    await setActiveCampaignId(await db(), campaignId);
  });

  // First run: a sample campaign, so the first profile visited already shows a fit score, and the short guide.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void (async () => {
      await ensureSampleCampaign(await db(), Date.now()).catch((error: unknown) =>
        console.warn('Creator Scout: sample campaign not created:', error),
      );
      await browser.tabs.create({ url: browser.runtime.getURL('/options.html?welcome=1') });
    })();
  });

  // The keyboard shortcut saves the creator on the active tab, with the badge as the only feedback.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'save-creator' || tab?.id === undefined) return;
    const tabId = tab.id;
    void save(tabId).then((result) =>
      action.setTitle({
        tabId,
        title: result.ok ? `Saved to ${result.campaignName}` : `Not saved: ${result.message}`,
      }),
    );
  });

  /** The stored state; an assessment from an older version is recomputed from its reading. */
  async function storedState(tabId: number): Promise<TabState | undefined> {
    const state = await tabs.get(tabId);
    if (!state || state.reading.kind === 'other' || state.assessment || state.postAssessment) return state;
    return update(tabId, state.reading, { visit: false });
  }

  async function showBadge(tabId: number, state: TabState | undefined) {
    const badge = badgeFor(state);
    await Promise.all([
      action.setBadgeText({ tabId, text: badge?.text ?? '' }),
      action.setTitle({ tabId, title: badge?.title ?? 'Creator Scout' }),
      ...(badge ? [action.setBadgeBackgroundColor({ tabId, color: badge.color })] : []),
    ]).catch(() => undefined); // the tab may have closed meanwhile
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.remove(tabId);
    void browser.storage.session.remove(correctionsKey(tabId));
  });
});

function problemText(error: unknown): string {
  if (error instanceof StorageFullError) return error.userMessage;
  return `The shortlist could not be read or written: ${error instanceof Error ? error.message : String(error)}`;
}

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
