import { defineContentScript } from 'wxt/utils/define-content-script';
import { instagramPage } from '../lib/platforms/instagram/page';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(instagramPage.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, instagramPage),
});
