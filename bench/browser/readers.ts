/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in a saved page served in Chromium: what the content scripts
 * run in a page — each platform's collector and `capturePage` — exposed on `globalThis.__scout` so the bench can
 * time a capture in the browser. Not part of the extension.
 */
import { capturePage } from '../../lib/platforms/capture-page';
import { instagramPage } from '../../lib/platforms/instagram/page';
import { tiktokPage } from '../../lib/platforms/tiktok/page';
import { xPage } from '../../lib/platforms/x/page';
import { youtubePage } from '../../lib/platforms/youtube/page';

(globalThis as { __scout?: unknown }).__scout = {
  capturePage,
  collectors: { instagram: instagramPage, tiktok: tiktokPage, x: xPage, youtube: youtubePage },
};
