import { defineContentScript } from 'wxt/utils/define-content-script';
import { instagram } from '../lib/platforms/instagram';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(instagram.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, instagram),
});
