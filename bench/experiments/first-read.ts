/**
 * Experiment (not part of `npm run bench`): what a page's first read pays for. Times the first capture of each
 * saved page in Chromium three ways — as the bench does; with V8 compiling every function up front
 * (`--js-flags=--no-lazy`); and after the same capture of a parsed copy of the page (a document never shown).
 *
 *     npx tsx bench/experiments/first-read.ts
 */
import { launchScout } from '../../tests/e2e/harness';
import { startFixtureServer } from '../../tests/e2e/fixture-server';
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
} finally {
  await server.close();
}
