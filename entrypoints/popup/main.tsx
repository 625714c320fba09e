import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import { PopupApp, type PopupRequests } from '../../components/PopupApp';
import '../../components/theme.css';
import '../../components/popup.css';

const requests: PopupRequests = {
  storedView: (tabId) => sendMessage('getTabView', tabId),
  freshView: (tabId) => sendMessage('refreshTabView', tabId),
  save: (tabId) => sendMessage('saveCreator', tabId),
  correct: (tabId, field, value) => sendMessage('correctCount', { tabId, correction: { field, value } }),
  switchCampaign: (campaignId) => sendMessage('setActiveCampaign', campaignId),
  openShortlist: () => browser.tabs.create({ url: browser.runtime.getURL('/shortlist.html') }),
  editCampaigns: () => browser.runtime.openOptionsPage(),
  keepStorage: () => void navigator.storage?.persist?.(),
};

// The popup speaks about the tab it was opened on, which stays the same while it is open.
const activeTab = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id);

render(<PopupApp activeTab={activeTab} requests={requests} />, document.getElementById('app')!);
