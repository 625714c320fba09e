/**
 * Experiment (not part of `npm run bench`): what a page's first read pays for. Times the first capture of each
 * saved page in Chromium four ways — as the bench does; with V8 compiling every function up front
 * (`--js-flags=--no-lazy`); after the same capture of a parsed copy of the page (a document never shown); and after
 * creating one element of each tag the page uses (Blink makes each DOM interface's JavaScript side the first time
 * a script touches it, here on the page's own elements).
 *
 *     npx tsx bench/experiments/first-read.ts
 */
import { launchScout } from '../../tests/e2e/harness';
import { startFixtureServer } from '../../tests/e2e/fixture-server';
import { bundleForPage } from '../bundle';
import { readInChromium } from '../measure-chromium';
import { savedPages } from '../fixtures';
import { summarise } from '../stats';

const server = await startFixtureServer();
const median = (samples: number[]) => summarise(samples).median.toFixed(1);
try {
  for (const [label, args] of [
    ['as the bench runs it', []],
    ['every function compiled up front (--no-lazy)', ['--js-flags=--no-lazy']],
  ] as const) {
    const browser = await launchScout({ server, extensionDir: false, args });
    try {
      console.log(`— ${label}: first read / after a parsed copy's capture / again, ms (medians)`);
      for (const r of await readInChromium(browser, savedPages(), { loads: 5, again: 10 })) {
        console.log(`  ${r.file.padEnd(60)} ${median(r.first)} / ${median(r.afterCopy)} / ${median(r.again)}`);
      }
    } finally {
      await browser.close();
    }
  }

  const browser = await launchScout({ server, extensionDir: false });
  try {
    console.log('— after one element of each tag in the page is created: that / the first read after it, ms (medians)');
    const collectors = await bundleForPage('readers.ts');
    const tab = await browser.context.newPage();
    for (const page of savedPages()) {
      const touch: number[] = [];
      const read: number[] = [];
      for (let i = 0; i < 5; i++) {
        await tab.goto(page.url, { waitUntil: 'load' });
        await tab.evaluate(collectors);
        const r = (await tab.evaluate(`(() => {
          const { capturePage, collectors } = globalThis.__scout;
          const start = performance.now();
          const tags = new Set();
          for (const el of document.getElementsByTagName('*')) tags.add(el.localName);
          for (const tag of tags) document.createElement(tag);
          const touched = performance.now();
          capturePage(collectors[${JSON.stringify(page.platform)}], document, new URL(${JSON.stringify(page.url)}), Date.now());
          return { touch: touched - start, read: performance.now() - touched };
        })()`)) as { touch: number; read: number };
        touch.push(r.touch);
        read.push(r.read);
      }
      console.log(`  ${page.file.padEnd(60)} ${median(touch)} / ${median(read)}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
