import { defineContentScript } from 'wxt/utils/define-content-script';
import { tiktok } from '../lib/platforms/tiktok';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(tiktok.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, tiktok),
});
