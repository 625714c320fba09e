/**
 * What the popup asks of the extension, and its first question already asked. main.tsx imports this module before
 * Preact and the components, so the request for the tab's stored view leaves as soon as the popup's script starts:
 * the worker answers while the rest of the script is evaluated and the loading state is drawn.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import type { PopupRequests } from '../../components/PopupApp';
import { openPopupOn } from '../../components/popup-opening';

export const requests: PopupRequests = {
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

export const opening = openPopupOn(activeTab, requests.storedView);
