/**
 * Debian's Chromium driven for measurement, with or without the extension built into the bench's own directory.
 *
 * The E2E harness's launcher (tests/e2e/harness.ts: saved pages served under their real host names, the popup
 * opened with chrome.action.openPopup() from the worker, targets Playwright does not surface reached over raw CDP),
 * given what the bench needs: its own build (never `.output/chrome-mv3`, which other builds rewrite) or no
 * extension at all (the baseline for the time the content script adds to page load), a taller window, and precise
 * `performance.memory`.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { FixtureServer } from '../tests/e2e/fixture-server';
import { launchScout, type CdpTarget } from '../tests/e2e/harness';

export type { CdpTarget };

export interface Chromium {
  context: BrowserContext;
  browserSession: CDPSession;
  /** Set when the extension is loaded. */
  extensionId?: string;
  /** Evaluates an expression in the extension's service worker. */
  inWorker<T>(expression: string): Promise<T>;
  /** Opens the real popup for `page` (closing any open one) and returns the popup's target. */
  openPopup(page: Page): Promise<CdpTarget>;
  close(): Promise<void>;
}

export async function launchChromium({
  server,
  extensionDir,
}: {
  server: FixtureServer;
  extensionDir?: string;
}): Promise<Chromium> {
  const options = {
    server,
    viewport: { width: 1280, height: 800 },
    // performance.memory without the coarse bucketing it has by default.
    args: ['--enable-precise-memory-info'],
  };
  if (!extensionDir) {
    const browser = await launchScout({ ...options, extensionDir: false });
    const noExtension = () => Promise.reject(new Error('Chromium was launched without the extension'));
    return { ...browser, inWorker: noExtension, openPopup: noExtension };
  }
  const scout = await launchScout({ ...options, extensionDir });
  return {
    ...scout,
    inWorker: async (expression) => (await scout.worker()).evaluate(expression),
  };
}
