// Renders assets/icon.svg to the PNG sizes the Chrome Web Store and addons.mozilla.org ask for, with Debian's
// Chromium (no image library needed). Run after changing the SVG: `node scripts/make-icons.mjs`.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const svg = fs.readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `assets/public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')} to assets/public/icon/`);
