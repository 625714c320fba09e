import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { SaveResult, TabView } from '../lib/tab-view';
import type { CorrectableCount } from '../lib/background/corrections';
import { PopupView, type PopupActions } from './PopupView';
import { afterPaint } from './after-paint';
import type { PopupOpening } from './popup-opening';

export const SAVE_INTERRUPTED =
  'The save was interrupted before it answered. The status above shows whether the creator is on the shortlist; ' +
  'saving again never adds them twice.';

/** What the popup asks of the extension; the entrypoint sends the messages. */
export interface PopupRequests {
  /** The tab's view from its stored state: answered without asking the page. */
  storedView(tabId: number): Promise<TabView>;
  /** The tab's view after the page has captured itself again. */
  freshView(tabId: number): Promise<TabView>;
  save(tabId: number): Promise<SaveResult>;
  correct(tabId: number, field: CorrectableCount, value: number): Promise<void>;
  switchCampaign(campaignId: string): Promise<void>;
  openShortlist(): Promise<unknown>;
  editCampaigns(): Promise<unknown>;
  /** After a save: ask the browser to keep the shortlist when disk space runs low (needs a page context). */
  keepStorage(): void;
}

interface Props {
  /**
   * The tab the popup was opened on, with the request for its stored view already sent (undefined when there is no
   * tab it can speak about): the entrypoint asks before rendering (see popup-opening.ts).
   */
  opening: Promise<PopupOpening | undefined>;
  requests: PopupRequests;
}

/**
 * The popup's life: the tab's stored view first (assessed when the page was read, so it can be drawn at once),
 * then the view from a fresh capture, drawn over it in place — the same elements updated, so focus, open details
 * and a half-typed correction stay. After each action the stored view (which the action updated) is asked again.
 */
export function PopupApp({ opening, requests }: Props) {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<TabView>();
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<string>();
  const show = useMemo(() => latestOnly(setView), []);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  // A layout effect runs right after the first render, not a frame later: the answer is what the popup waits for.
  useLayoutEffect(() => {
    void (async () => {
      const opened = await opening;
      if (!opened) return setView({ state: 'unsupported' });
      const id = opened.tabId;
      setTabId(id);
      setRefreshing(true);
      await show(opened.storedView);
      // The stored view is drawn first; the fresh capture's answer (and its render) must not delay that frame.
      await afterPaint();
      // A refresh that fails leaves the stored view, which is still this page's latest reading.
      await show(requests.freshView(id))
        .catch((e: unknown) => console.warn('Creator Scout: the page could not be read again:', e))
        .finally(() => setRefreshing(false));
    })().catch(fail);
  }, [opening, requests, show]);

  const reload = (id: number) => show(requests.storedView(id));
  const actions: PopupActions = {
    saving,
    saveMessage,
    onSave: () => {
      if (tabId === undefined) return;
      setSaving(true);
      setSaveMessage(undefined);
      void (async () => {
        // The message fails when the background was stopped mid-save (the browser may do so at any time): the
        // save either committed whole or not at all, and the view reloaded below shows which.
        const result = await requests.save(tabId).catch(() => ({ ok: false as const, message: SAVE_INTERRUPTED }));
        if (!result.ok) setSaveMessage(result.message);
        else requests.keepStorage();
        await reload(tabId);
      })()
        .catch(fail)
        .finally(() => setSaving(false));
    },
    onOpenShortlist: () => void requests.openShortlist().catch(fail),
    onEditCampaigns: () => void requests.editCampaigns().catch(fail),
    onCorrect: (field, value) => {
      if (tabId === undefined) return;
      void requests
        .correct(tabId, field, value)
        .then(() => reload(tabId))
        .catch(fail);
    },
    onSwitchCampaign: (campaignId) => {
      if (tabId === undefined) return;
      void requests
        .switchCampaign(campaignId)
        .then(() => reload(tabId))
        .catch(fail);
    },
  };

  return <PopupView view={view} refreshing={refreshing} error={error} actions={actions} />;
}

/**
 * Shows the answers to requests in the order they were sent: the worker may answer a slow refresh after a later
 * request (a save, a correction), and that older view must not replace the newer one.
 */
function latestOnly<T>(show: (value: T) => void): (answer: Promise<T>) => Promise<void> {
  let sent = 0;
  let shown = 0;
  return async (answer) => {
    const order = ++sent;
    const value = await answer;
    if (order < shown) return;
    shown = order;
    show(value);
  };
}
