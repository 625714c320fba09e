import { defineContentScript } from 'wxt/utils/define-content-script';
import { youtubePage } from '../lib/platforms/youtube/page';
import { matchPatterns } from '../lib/platforms/hosts';
import { startReader } from '../lib/content/start-reader';

export default defineContentScript({
  matches: matchPatterns(youtubePage.hosts),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startReader(ctx, youtubePage),
});
