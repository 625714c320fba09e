import { defineContentScript } from 'wxt/utils/define-content-script';
import { tiktokPage } from '../lib/platforms/tiktok/page';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(tiktokPage.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, tiktokPage),
});
