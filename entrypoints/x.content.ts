import { defineContentScript } from 'wxt/utils/define-content-script';
import { xPage } from '../lib/platforms/x/page';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(xPage.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, xPage),
});
