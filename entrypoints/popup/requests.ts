/**
 * What the popup asks of the extension, with its first question already on its way. main.tsx imports this module
 * before Preact and the components: the active tab is asked for before they are evaluated, and the tab's stored view
 * as soon as the tab is known, not once the popup has rendered.
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
