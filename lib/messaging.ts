/**
 * The one typed message protocol between the content scripts, the background worker and the extension pages.
 * Every message name and payload is declared here; `@webext-core/messaging` checks the types at both ends, and
 * the background validates payloads from content scripts at run time (the page they read is not trusted).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Reading } from './reading';
import type { SaveResult, TabView } from './tab-view';
import type { Correction } from './background/corrections';

export interface ProtocolMap {
  /** Content script → background: the page now shows this reading. Validated on arrival. */
  pageRead(reading: Reading): void;
  /** Background → content script: read the page again now (posts may have scrolled in since). */
  readNow(): Reading | undefined;
  /** Popup → background: what the popup should show for a tab. */
  getTabView(tabId: number): TabView;
  /** Popup → background: save the profile on this tab to the active campaign's shortlist. */
  saveCreator(tabId: number): SaveResult;
  /** Popup → background: make this campaign the active one (then ask for the tab view again). */
  setActiveCampaign(campaignId: string): void;
  /** Popup → background: use this count, typed by the marketer, where the page showed none. Validated. */
  correctCount(request: { tabId: number; correction: Correction }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
