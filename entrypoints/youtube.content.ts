import { defineContentScript } from 'wxt/utils/define-content-script';
import { youtube } from '../lib/platforms/youtube';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(youtube.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, youtube),
});
