// `npm run demo`: builds the extension, opens Debian's Chromium with it on a saved real TikTok profile (served
// locally under its real address) and opens the popup — no account on any site needed.
// `npm run demo -- --headless [--out file.png] [--dark]` writes a screenshot of the popup instead.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { launchScout } from '../tests/e2e/harness';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    dark: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-popup.png' },
    url: { type: 'string', default: 'https://www.tiktok.com/@illojuan' },
  },
});

const scout = await launchScout({ headed: !values.headless });
const page = await scout.open(values.url);
const popup = await scout.openPopup(page);
console.log(await popup.text());
if (values.headless) {
  await popup.emulateColorScheme(values.dark ? 'dark' : 'light');
  fs.writeFileSync(values.out, await popup.screenshot());
  console.log(`\nScreenshot of the popup written to ${values.out}`);
  await scout.close();
} else {
  console.log('\nChromium is open with Creator Scout on a saved profile. Close the window to end the demo.');
  await new Promise((resolve) => scout.context.on('close', resolve));
  await scout.server.close();
}
