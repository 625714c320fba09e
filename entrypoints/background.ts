import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../lib/messaging';
import type { ProfileReading, Reading } from '../lib/reading';
import { readerForUrl } from '../lib/platforms';
import type { SaveResult } from '../lib/tab-view';
import { acceptCapture, safeUrl } from '../lib/background/accept-capture';
import { tabStates, type TabState } from '../lib/background/tab-state';
import { assessReading } from '../lib/background/tab-assessment';
import { freshState, storedState, tabViewOf, type CurrentState, type TabSources } from '../lib/background/tab-view';
import { badgeFor } from '../lib/background/badge';
import { recordAssessedVisit, saveAssessed } from '../lib/background/save-visit';
import { activeCampaign, followerHistory, savedStatus, shortlistView } from '../lib/background/shortlist-view';
import { migrateSettings, type Assessment, type AssessSettings } from '../lib/assess';
import { addCorrection, applyCorrections, CorrectionSchema, type PageCorrections } from '../lib/background/corrections';
import * as v from 'valibot';
import { ensureSampleCampaign } from '../lib/campaigns/first-run';
// The store's modules one by one: its index also brings CSV export (papaparse), which the worker never needs.
import { openScoutDb } from '../lib/store/db';
import { reopeningDb } from '../lib/store/reopening-db';
import { setActiveCampaignId } from '../lib/store/repo';
import { StorageFullError } from '../lib/store/errors';

export default defineBackground(() => {
  // The MV3 worker can be stopped between any two events, so every listener is registered synchronously here
  // and every piece of state lives in storage, not in memory.
  const tabs = tabStates(browser.storage.session);
  // Firefox builds are MV2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  // Reopened when closed under it (another page upgraded or deleted the database): the worker may live for hours.
  const db = reopeningDb(() => openScoutDb(indexedDB));

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
    // Independent reads, at the same time (corrections never change whose profile it is or when it was read, so the
    // history — the visits beside one at the reading's time, as the shortlist recomputes it — can be looked up from
    // the page's reading).
    const [fixes, assessSettings, history] = await Promise.all([
      corrections(tabId),
      settings(),
      pageReading.kind === 'profile'
        ? db()
            .then((database) => followerHistory(database, pageReading))
            .catch(() => [])
        : [],
    ]);
    const reading = applyCorrections(pageReading, fixes);
    const state = assessReading(reading, assessSettings, history);
    // The badge is feedback in the toolbar: nothing waits for it.
    void showBadge(tabId, state);
    // The visit is recorded before the state is stored, so a popup that finds this state finds the visit too
    // ("last seen 3 days ago" is about the visit before this one).
    if (visit && reading.kind === 'profile' && state.assessment) await recordVisitOf(reading, state.assessment);
    await tabs.set(tabId, state);
    return state;
  }

  /**
   * A saved creator's page visited again gets a visit; unsaved creators are not stored. Never throws. The visit keeps
   * the reading and the assessment's settings, not the assessment (see lib/background/save-visit.ts).
   */
  async function recordVisitOf(reading: ProfileReading, assessment: Assessment): Promise<void> {
    try {
      await recordAssessedVisit(await db(), reading, assessment);
    } catch (error) {
      console.warn('Creator Scout: visit not recorded:', error);
    }
  }

  onMessage('pageCaptured', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only content scripts in a tab may report pages, and only for a page on a supported site.
    if (tabId === undefined || sender.id !== browser.runtime.id) return;
    const accepted = readingFrom(data, sender.tab?.url ?? sender.url);
    if (accepted) await update(tabId, accepted, { visit: true });
  });

  /** Where the tab's page, its stored state and a fresh capture of it come from (see lib/background/tab-view.ts). */
  const tabSources: TabSources = {
    async page(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      // With host permissions only, a tab's url is visible exactly when it is on a supported site.
      const url = tab?.url ? safeUrl(tab.url) : undefined;
      const reader = url && readerForUrl(url);
      return url && reader ? { url, platform: reader.platform } : undefined;
    },
    stored: storedTabState,
    async fresh(tabId, url) {
      const capture = await sendMessage('readNow', undefined, tabId).catch(() => undefined);
      const accepted = capture ? readingFrom(capture, url.href) : undefined;
      return accepted ? update(tabId, accepted, { visit: false }) : undefined;
    },
  };

  const tabView = (current: CurrentState) =>
    tabViewOf(current, async (reading, assessment) => shortlistView(await db(), reading, assessment), problemText);

  // The popup draws the stored view at once, then asks for a fresh one and updates in place.
  onMessage('getTabView', async ({ data: tabId }) => tabView(await storedState(tabId, tabSources)));
  onMessage('refreshTabView', async ({ data: tabId }) => tabView(await freshState(tabId, tabSources)));

  async function save(tabId: number): Promise<SaveResult> {
    // What the page shows now is what gets saved (the stored state if the page does not answer in time).
    const { state } = await freshState(tabId, tabSources);
    if (!state || state.reading.kind !== 'profile' || !state.assessment) {
      return { ok: false, message: 'Open a creator’s profile to save it.' };
    }
    try {
      const database = await db();
      const { active } = await activeCampaign(database);
      if (!active) return { ok: false, message: 'Create a campaign on the options page first.' };
      // Assessed again for the visit's time, so the saved reading and settings give back what was saved.
      const result = await saveAssessed(database, state.reading, state.assessment.settings, active, Date.now());
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
  async function storedTabState(tabId: number): Promise<TabState | undefined> {
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

/** The reading a content script's capture gives, if it is accepted; a refused one is logged and dropped. */
function readingFrom(input: unknown, tabUrl: string | undefined): Reading | undefined {
  const result = acceptCapture(input, tabUrl);
  if (result.ok) return result.reading;
  console.warn('Creator Scout: dropped', result.problem);
  return undefined;
}
