import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import type { TabView } from '../../lib/tab-view';
import type { CorrectableCount } from '../../lib/background/corrections';
import { PopupView } from '../../components/PopupView';
import '../../components/theme.css';
import '../../components/popup.css';

function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<TabView>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<string>();

  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const refresh = useCallback(async (id: number) => setView(await sendMessage('getTabView', id)), []);

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setView({ state: 'unsupported' });
      setTabId(tab.id);
      await refresh(tab.id);
    })().catch(fail);
  }, [refresh]);

  const actions = {
    saving,
    saveMessage,
    onSave: () => {
      if (tabId === undefined) return;
      setSaving(true);
      setSaveMessage(undefined);
      void (async () => {
        const result = await sendMessage('saveCreator', tabId);
        if (!result.ok) setSaveMessage(result.message);
        // Ask the browser to keep the shortlist when disk space runs low (a page context is needed for this).
        else void navigator.storage?.persist?.();
        await refresh(tabId);
      })()
        .catch(fail)
        .finally(() => setSaving(false));
    },
    onOpenShortlist: () => void browser.tabs.create({ url: browser.runtime.getURL('/shortlist.html') }).catch(fail),
    onEditCampaigns: () => void browser.runtime.openOptionsPage().catch(fail),
    onCorrect: (field: CorrectableCount, value: number) => {
      if (tabId === undefined) return;
      void sendMessage('correctCount', { tabId, correction: { field, value } })
        .then(() => refresh(tabId))
        .catch(fail);
    },
    onSwitchCampaign: (campaignId: string) => {
      if (tabId === undefined) return;
      void sendMessage('setActiveCampaign', campaignId)
        .then(() => refresh(tabId))
        .catch(fail);
    },
  };

  return <PopupView view={view} error={error} actions={actions} />;
}

render(<Popup />, document.getElementById('app')!);
