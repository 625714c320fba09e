// `npm run inspect -- <saved-page.html> --url <url>`: prints the JSON reading of a saved page, as the content
// script would take it — the tool for a maintainer when a site changes its markup.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { inspectPage } from '../lib/inspect';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' } },
});
const [file] = positionals;
if (!file || !values.url) {
  console.error('usage: npm run inspect -- <saved-page.html> --url <the page URL>');
  process.exit(2);
}
const url = new URL(values.url);
const doc = new JSDOM(fs.readFileSync(file, 'utf8'), { url: url.href }).window.document;
const result = inspectPage(doc, url);
if (!result) {
  console.error(`${url.host} is not a site Creator Scout reads`);
  process.exit(1);
}
console.log(JSON.stringify(result, null, 2));
