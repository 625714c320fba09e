/**
 * `npm run bench`: builds the extension into `.output/bench/` (or BENCH_OUT_DIR), measures it and prints one table (also written to
 * bench/results/latest.json) with, for every figure, the median and spread over repeated runs and the target it
 * is held to. README.md's Performance section says what each figure measures.
 *
 * Options: `--quick` (fewer runs, 10,000 creators only), `--no-chromium` (sizes and jsdom only),
 * `--breakdown` (also rebuild without each part of the content scripts, see bench/size-breakdown.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/e2e/fixture-server';
import { CONTENT_SCRIPT_GZIP_BUDGET, TARGETS } from './budgets';
import { buildExtension, ROOT } from './build';
import { savedPages } from './fixtures';
import {
  checkNothingRuns,
  launchChromium,
  measureLoads,
  measurePopup,
  measureShortlist,
  readInChromium,
} from './measure-chromium';
import { leakCheck, profileTemplates, readInNode, type NodeReadResult } from './read-node';
import { generateBackupText } from './generate';
import { BACKUP_LIMITS } from '../lib/store';
import { figure, formatTable, type Figure } from './report';
import { formatBreakdown, sizeBreakdown, type BreakdownRow } from './size-breakdown';
import { buildSizes } from './sizes';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-chromium': { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const started = Date.now();
const loadAtStart = os.loadavg();
const figures: Figure[] = [];
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
const ms = (t: number) => `≤ ${t} ms`;

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model;
  let chromium: string;
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .replace(/ built on .*/s, '')
      .trim();
  } catch {
    chromium = 'not installed';
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
  };
}

if (!values['no-chromium'] && !fs.existsSync('/usr/bin/chromium')) {
  console.error("The bench drives Debian's Chromium: sudo apt-get install -y chromium (or run with --no-chromium).");
  process.exit(1);
}

// ——— build and sizes ———
// BENCH_OUT_DIR lets two benches (or a bench beside a size breakdown) build without overwriting each other.
const benchOutDir = process.env.BENCH_OUT_DIR ?? '.output/bench';
log(`building the extension into ${benchOutDir}/`);
const extensionDir = buildExtension(benchOutDir);
// A blank page beside the popup in the bench's own build: how long any extension page takes to show in the popup
// window on this machine, the floor under the popup's figure.
fs.writeFileSync(
  path.join(extensionDir, 'bench-blank.html'),
  '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>blank</title></head><body><main>Blank</main></body></html>\n',
);
const sizes = buildSizes(extensionDir);
for (const script of sizes.contentScripts) {
  const name = path.basename(script.file);
  figures.push(figure('size (deterministic)', `${name} raw`, 'B', [script.raw]));
  figures.push(
    figure('size (deterministic)', `${name} gzip`, 'B', [script.gzip], {
      max: CONTENT_SCRIPT_GZIP_BUDGET,
      label: '≤ 8 KiB',
    }),
  );
}
for (const page of sizes.pages) {
  figures.push(figure('size (deterministic)', `${page.page} + everything it loads, raw`, 'B', [page.raw]));
  figures.push(figure('size (deterministic)', `${page.page} + everything it loads, gzip`, 'B', [page.gzip]));
}
if (sizes.background) figures.push(figure('size (deterministic)', 'background.js gzip', 'B', [sizes.background.gzip]));
let breakdown: BreakdownRow[] | undefined;
if (values.breakdown) {
  log('size breakdown: rebuilding the content scripts without each part');
  breakdown = sizeBreakdown();
}

// ——— reading in Node (jsdom) ———
const pages = savedPages();
log(`reading ${pages.length} saved pages in jsdom`);
const nodeReads: NodeReadResult[] = [];
for (const page of pages) {
  const result = readInNode(page, { parses: 2, again: quick ? 5 : 10 });
  nodeReads.push(result);
  figures.push(figure('capture a saved page (content script): jsdom', `${page.file} first`, 'ms', result.first));
  figures.push(figure('capture a saved page (content script): jsdom', `${page.file} again`, 'ms', result.again));
  figures.push(figure('interpret the capture (worker): Node', `${page.file}`, 'ms', result.interpret));
}
// What a shortlist weighs with real pages: each creator's latest visit keeps its whole reading and the assessment settings.
const realPerCreator =
  generateBackupText({ creators: 120, shape: 'real', templates: profileTemplates(nodeReads) }).length / 120;
figures.push(
  figure(
    'shortlist storage with real pages (latest reading + assessment settings of the saved profile pages, 2 visits)',
    'backup of 10,000 creators, projected from 120 generated',
    'MB',
    [(realPerCreator * 10_000) / 1e6],
    { max: BACKUP_LIMITS.maxChars / 1e6, label: '≤ 200 MB import limit' },
  ),
);
const leaks = [];
for (const page of pages) leaks.push(await leakCheck(page));
figures.push(
  figure(
    'nothing left running once a page is read',
    `jsdom: timers + observers live after the reading was sent (${leaks.length} pages, worst)`,
    'count',
    [Math.max(...leaks.map((l) => l.liveTimers + l.liveObservers))],
    { max: 0, label: '0' },
    `${leaks.filter((l) => l.readBy === 'time limit').length} pages read when the 10 s limit fired`,
  ),
);

let shortlist: Awaited<ReturnType<typeof measureShortlist>> = [];
let popupBreakdown: unknown;
let running: Awaited<ReturnType<typeof checkNothingRuns>> = [];
if (!values['no-chromium']) {
  const server = await startFixtureServer();
  const profilePerPlatform = [
    ...new Map(pages.filter((p) => p.kind === 'profile').map((p) => [p.platform, p] as const)).values(),
  ];
  const loads = quick ? 3 : 5;

  // ——— Chromium without the extension: reading, and the page-load baseline ———
  log('Chromium without the extension: reading each saved page, baseline page loads');
  const plain = await launchChromium({ server });
  try {
    for (const r of await readInChromium(plain, pages, { loads: quick ? 4 : 7, again: quick ? 10 : 20 })) {
      figures.push(
        figure('read a saved page in Chromium (the content script’s capture)', `${r.file} first`, 'ms', r.first, {
          max: TARGETS.readMs,
          label: ms(TARGETS.readMs),
        }),
      );
      figures.push(
        figure('read a saved page in Chromium (the content script’s capture)', `${r.file} again`, 'ms', r.again),
        figure(
          'read a saved page in Chromium (the content script’s capture)',
          `${r.file} first, after a capture of a parsed copy`,
          'ms',
          r.afterCopy,
        ),
      );
      figures.push(figure('capture size (the message to the worker)', r.file, 'B', [r.bytes]));
    }
    for (const page of profilePerPlatform) {
      const samples = await measureLoads(plain, page, loads);
      figures.push(
        figure(
          'page load: without the extension',
          `${page.file} load event`,
          'ms',
          samples.map((s) => s.load),
        ),
        figure(
          'page load: without the extension',
          `${page.file} script time`,
          'ms',
          samples.map((s) => s.script),
        ),
      );
    }
  } finally {
    await plain.close();
  }

  // ——— Chromium with the extension ———
  log('Chromium with the extension: page loads, nothing left running, popup, shortlist');
  const scout = await launchChromium({ server, extensionDir });
  try {
    for (const page of profilePerPlatform) {
      const samples = await measureLoads(scout, page, loads);
      figures.push(
        figure(
          'page load: with the extension',
          `${page.file} load event`,
          'ms',
          samples.map((s) => s.load),
        ),
        figure(
          'page load: with the extension',
          `${page.file} script time`,
          'ms',
          samples.map((s) => s.script),
          undefined,
          samples.some((s) => Number.isFinite(s.readAfter))
            ? 'the content script is all the script these pages run (saved pages are served with script-src none)'
            : 'not ready within 2 s: the reader reads at its 10 s limit, after this was measured',
        ),
        ...(samples.some((s) => Number.isFinite(s.readAfter))
          ? [
              figure(
                'page load: with the extension',
                `${page.file} load → reading stored`,
                'ms',
                samples.map((s) => s.readAfter).filter(Number.isFinite),
              ),
            ]
          : []),
      );
    }
    log('nothing left running once a page is read');
    running = await checkNothingRuns(scout, profilePerPlatform, quick ? 4000 : 11_000);
    figures.push(
      figure(
        'nothing left running once a page is read',
        `Chromium: content-script functions run after the read (${profilePerPlatform.length} profiles, worst)`,
        'count',
        [Math.max(...running.map((r) => r.ranAfterRead.length))],
        { max: 0, label: '0' },
        quick ? 'watched 4 s' : 'watched 11 s (longer than the 10 s wait) while the DOM changed 100 times',
      ),
    );

    log('popup');
    const popup = await measurePopup(scout, 'https://www.tiktok.com/@illojuan', {
      opens: quick ? 3 : 5,
      reloads: quick ? 5 : 10,
      blankDir: true,
    });
    popupBreakdown = popup;
    const section = 'popup on the saved TikTok profile';
    figures.push(
      figure(
        section,
        'first meaningful render: navigation start → content shown, next frame',
        'ms',
        popup.reloaded.map((s) => s.frame),
        { max: TARGETS.popupFirstRenderMs, label: ms(TARGETS.popupFirstRenderMs) },
      ),
      figure(
        section,
        '  DOMContentLoaded (scripts run)',
        'ms',
        popup.reloaded.map((s) => s.dcl),
      ),
      figure(
        section,
        '  first contentful paint (loading state)',
        'ms',
        popup.reloaded.map((s) => s.fcp),
      ),
      figure(
        section,
        '  getTabView: sent → answered by the background',
        'ms',
        popup.reloaded.filter((s) => s.sent !== undefined && s.replied !== undefined).map((s) => s.replied! - s.sent!),
      ),
      figure(
        section,
        '  content in the DOM (no longer aria-busy)',
        'ms',
        popup.reloaded.map((s) => s.ready),
      ),
      figure(
        section,
        'opened from the toolbar: largest contentful paint',
        'ms',
        popup.opened.map((s) => s.lcp),
      ),
      figure(
        section,
        'floor: blank extension page in the popup, first paint',
        'ms',
        popup.blank.map((s) => s.fcp),
      ),
    );

    log('shortlist page with generated creators');
    const creatorCounts = quick ? [10_000] : [10_000, 50_000];
    shortlist = await measureShortlist(scout, creatorCounts, { runs: quick ? 3 : 5, importRuns: quick ? 1 : 3 });
    for (const s of shortlist) {
      const n = s.creators.toLocaleString('en-US');
      const section = `shortlist, ${n} generated creators with history`;
      const is10k = s.creators === 10_000;
      const is50k = s.creators === 50_000;
      figures.push(
        figure(section, 'backup file size', 'MB', [s.backupChars / 1e6]),
        ...(s.importMs.length
          ? [
              figure(
                section,
                'import JSON: parse + preview + write',
                'ms',
                s.importMs.map((i) => i.total),
                is10k ? { max: TARGETS.jsonImport10kMs, label: ms(TARGETS.jsonImport10kMs) } : undefined,
              ),
              figure(
                section,
                '  parse and check (parseBackup)',
                'ms',
                s.importMs.map((i) => i.parse),
              ),
              figure(
                section,
                '  write (applyImport)',
                'ms',
                s.importMs.map((i) => i.apply),
              ),
              figure(
                section,
                "import JSON through the page's form (replace): choose the file → preview shown",
                'ms',
                s.uiImport.map((i) => i.preview),
              ),
              figure(
                section,
                '  choose the file → "Imported"',
                'ms',
                s.uiImport.map((i) => i.done),
              ),
              figure(
                section,
                "  longest the page's main thread was held meanwhile (reading and writing run in a worker)",
                'ms',
                s.uiImport.map((i) => i.held),
              ),
            ]
          : [
              figure(
                section,
                'import JSON: refused, file over the 200 MB limit; records written with applyImport',
                'ms',
                [s.populateMs ?? NaN],
              ),
            ]),
        figure(
          section,
          `  floor: ${s.records.toLocaleString('en-US')} tiny records put in one transaction (as many as the write)`,
          'ms',
          s.putFloor,
        ),
        figure(section, 'save one creator (saveCreator)', 'ms', s.saveOne),
        figure(
          section,
          'open the shortlist page: navigation start → first rows, next frame',
          'ms',
          s.firstRows.map((r) => r.frame),
          is50k ? { max: TARGETS.firstRows50kMs, label: ms(TARGETS.firstRows50kMs) } : undefined,
        ),
        figure(section, '  floor: a blank extension page in a new tab, first paint', 'ms', s.blankTab),
        figure(section, '  of which the first-rows query (firstRows, 80 rows)', 'ms', s.firstQuery),
        figure(section, '  first-rows query for a campaign of 200 creators', 'ms', s.firstQuerySmall),
        figure(section, 'open the shortlist page: navigation start → every row loaded', 'ms', s.loaded),
        figure(section, '  counting the entries for the header (countEntries)', 'ms', s.count),
        figure(section, '  every row read behind the first ones (allRows, slices)', 'ms', s.allRows),
        figure(section, '  every row read at once, for comparison (listCreators)', 'ms', s.list),
        figure(section, 'sort by followers: click → rows redrawn', 'ms', s.uiSort),
        figure(section, '  sortRows alone (keys not cached)', 'ms', s.sort),
        figure(section, 'filter by search: input → rows redrawn', 'ms', s.uiFilter),
        figure(section, '  filterRows alone (search text not cached)', 'ms', s.filter),
        figure(
          section,
          'export CSV: click → file ready',
          'ms',
          s.uiCsv,
          is10k ? { max: TARGETS.csvExport10kMs, label: ms(TARGETS.csvExport10kMs) } : undefined,
        ),
        figure(section, '  exportCsv alone', 'ms', s.csv),
        figure(section, 'export JSON (exportBackup)', 'ms', s.exportJson),
        figure(
          section,
          "export JSON through the page's button: click → file offered",
          'ms',
          s.uiExport.map((e) => e.done),
        ),
        figure(
          section,
          "  longest the page's main thread was held meanwhile (the backup is made in a worker)",
          'ms',
          s.uiExport.map((e) => e.held),
        ),
        figure(section, 'shortlist page JS heap after GC', 'MB', [s.heapUsed / 1e6]),
      );
    }
  } finally {
    await scout.close();
    await server.close();
  }
}

const results = {
  startedAt: new Date(started).toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  options: values,
  machine: { ...machine(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
  sizes,
  breakdown,
  leaks,
  running,
  popup: popupBreakdown,
  shortlist,
  figures,
};
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const out = path.join(ROOT, 'bench/results/latest.json');
fs.writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);

const m = results.machine;
console.log(
  `Creator Scout bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.node}, ${m.chromium}; ` +
    `load average ${loadAtStart[0]!.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}; ${results.durationSeconds} s\n`,
);
console.log(formatTable(figures));
if (breakdown) console.log(`\nContent scripts, gzip bytes, rebuilt without each part:\n${formatBreakdown(breakdown)}`);
const missed = figures.filter((f) => f.met === false);
console.log(
  `\n${figures.filter((f) => f.met).length} targets met, ${missed.length} missed. Written to ${path.relative(ROOT, out)}`,
);
