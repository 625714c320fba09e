import { defineContentScript } from 'wxt/utils/define-content-script';
import { x } from '../lib/platforms/x';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(x.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, x),
});
