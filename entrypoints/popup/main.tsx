import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import type { TabView } from '../../lib/tab-view';
import { PopupView } from '../../components/PopupView';
import '../../components/popup.css';

function Popup() {
  const [view, setView] = useState<TabView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setView({ state: 'unsupported' });
      setView(await sendMessage('getTabView', tab.id));
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return <PopupView view={view} error={error} />;
}

render(<Popup />, document.getElementById('app')!);
