/**
 * The one typed message protocol between the content scripts, the background worker and the extension pages.
 * Every message name and payload is declared here; `@webext-core/messaging` (and, in content scripts, the small
 * client in lib/content/messages.ts) checks the types at both ends, and the background validates payloads from
 * content scripts at run time (the page they read is not trusted).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageCapture } from './capture';
import type { SaveResult, TabView } from './tab-view';
import type { Correction } from './background/corrections';

export interface ProtocolMap {
  /** Content script → background: what the page now shows, for the worker to read. Validated on arrival. */
  pageCaptured(capture: PageCapture): void;
  /** Background → content script: capture the page again now (posts may have scrolled in since). */
  readNow(): PageCapture | undefined;
  /**
   * Popup → background: what the popup should show for a tab, from the tab's stored state (assessed when the page
   * was read). Answers without asking the page, so the popup can draw at once.
   */
  getTabView(tabId: number): TabView;
  /** Popup → background: the same, after the page has captured itself again (posts may have scrolled in). */
  refreshTabView(tabId: number): TabView;
  /** Popup → background: save the profile on this tab to the active campaign's shortlist. */
  saveCreator(tabId: number): SaveResult;
  /** Popup → background: make this campaign the active one (then ask for the tab view again). */
  setActiveCampaign(campaignId: string): void;
  /** Popup → background: use this count, typed by the marketer, where the page showed none. Validated. */
  correctCount(request: { tabId: number; correction: Correction }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
