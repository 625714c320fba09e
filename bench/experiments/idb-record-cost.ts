/**
 * Experiment (not part of `npm run bench`): what IndexedDB in Chromium charges per record written, by the
 * records' number and shape, all put in one transaction into a scratch database of an ordinary page.
 *
 *     npx tsx bench/experiments/idb-record-cost.ts
 */
import { launchScout } from '../../tests/e2e/harness';

// Plain JavaScript, evaluated in the page as written (no bundler helpers in it).
const IN_PAGE = `(async () => {
  const out = {};
  async function run(label, n, make) {
    const name = 'scratch-' + Math.random();
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('r', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const start = performance.now();
    const tx = db.transaction('r', 'readwrite');
    const store = tx.objectStore('r');
    for (let i = 0; i < n; i++) store.put(make(i));
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    out[label] = Math.round(performance.now() - start);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  await run('(warm-up) 1,000 tiny', 1000, (id) => ({ id }));
  await run('30,000 tiny', 30000, (id) => ({ id, text: 'creator' }));
  await run('10,000 tiny', 10000, (id) => ({ id, text: 'creator' }));
  await run('10,000 of 1 KB', 10000, (id) => ({ id, text: 'c'.repeat(1000) }));
  await run('1,000 tiny', 1000, (id) => ({ id, text: 'creator' }));
  await run('1,000 of 1 KB', 1000, (id) => ({ id, text: 'c'.repeat(1000) }));
  await run('100 of 100 objects each', 100, (id) => ({ id, items: Array.from({ length: 100 }, (_, j) => ({ j, text: 'creator' })) }));
  return out;
})()`;

const browser = await launchScout({ extensionDir: false });
try {
  const page = await browser.open('https://www.instagram.com/pluto__travel/');
  for (const [what, ms] of Object.entries((await page.evaluate(IN_PAGE)) as Record<string, number>)) {
    console.log(`${what.padEnd(28)} ${String(ms).padStart(6)} ms`);
  }
} finally {
  await browser.close();
}
