/**
 * Reading the saved pages in Node with jsdom: each page parsed once per sample, then the content script's part (the
 * collector's capture) and the worker's part (interpreting the capture) timed apart. Also checks, on every saved
 * page, that the content script's read loop (lib/content/run-reader.ts) leaves no timer or MutationObserver
 * running once the page is read.
 */
import { JSDOM } from 'jsdom';
import type { ProfileReading, Reading } from '../lib/reading';
import { runReader } from '../lib/content/run-reader';
import { capturePage } from '../lib/platforms/capture-page';
import { pageHtml, type SavedPage } from './fixtures';

export interface NodeReadResult {
  page: SavedPage;
  /** The first capture of a freshly parsed document (what the content script does once per page), one per parse. */
  first: number[];
  /** Later captures of the same document (as when the popup asks for a fresh reading). */
  again: number[];
  /** Interpreting the capture (the worker's part), after a first interpretation built the count tables. */
  interpret: number[];
  kind: Reading['kind'];
  /** The reading, kept for generating realistic shortlists from real profile pages. */
  reading: Reading;
}

export function readInNode(page: SavedPage, { parses = 3, again = 15 } = {}): NodeReadResult {
  const html = pageHtml(page);
  const url = new URL(page.url);
  const first: number[] = [];
  const repeat: number[] = [];
  const interpret: number[] = [];
  let reading: Reading | undefined;
  const time = <T>(samples: number[], work: () => T): T => {
    const start = performance.now();
    const result = work();
    samples.push(performance.now() - start);
    return result;
  };
  for (let p = 0; p < parses; p++) {
    const dom = new JSDOM(html, { url: page.url });
    const doc = dom.window.document;
    const capture = time(first, () => capturePage(page.reader, doc, url, Date.now()));
    const interpreted = page.reader.interpret(capture);
    if (!interpreted.ok) throw new Error(`${page.file}: ${interpreted.problem}`);
    reading = interpreted.reading;
    if (p === parses - 1) {
      for (let i = 0; i < again; i++) time(repeat, () => capturePage(page.reader, doc, url, Date.now()));
      for (let i = 0; i < again; i++) time(interpret, () => page.reader.interpret(capture));
    }
    dom.window.close();
  }
  return { page, first, again: repeat, interpret, kind: reading!.kind, reading: reading! };
}

/** Profile readings of the saved profile pages, as templates for generated shortlists. */
export function profileTemplates(results: readonly NodeReadResult[]): ProfileReading[] {
  return results.flatMap((r) => (r.reading.kind === 'profile' ? [r.reading] : []));
}

export interface LeakCheck {
  file: string;
  /** Timers and observers still live after the reading was sent. */
  liveTimers: number;
  liveObservers: number;
  /** Whether the page was ready at once, or read when the reader's time limit passed. */
  readBy: 'ready' | 'time limit';
}

/**
 * Runs the content script's read loop on a saved page in jsdom with setTimeout/clearTimeout and MutationObserver
 * instrumented, and counts what is still live once the reading is sent. A page that is never ready (the served
 * Instagram pages have no rendered header) is read when the reader's time limit fires: the bench fires it at once
 * instead of waiting 10 s, so that path is checked too.
 */
export async function leakCheck(page: SavedPage): Promise<LeakCheck> {
  const dom = new JSDOM(pageHtml(page), { url: page.url });
  const win = dom.window as unknown as Window & typeof globalThis;
  const timers = new Map<unknown, () => void>();
  const observers = new Set<MutationObserver>();
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const RealObserver = win.MutationObserver;
  // read-when-ready uses the global timers and the document's window's MutationObserver.
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const id = realSetTimeout(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.set(id, fn);
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: ReturnType<typeof setTimeout>) => {
    timers.delete(id);
    realClearTimeout(id);
  }) as typeof clearTimeout;
  win.MutationObserver = class extends RealObserver {
    override observe(target: Node, options?: MutationObserverInit) {
      observers.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      observers.delete(this);
      super.disconnect();
    }
  };
  const controller = new AbortController();
  try {
    let sent = false;
    const reading = new Promise<void>((resolve) => {
      runReader({
        ctx: { signal: controller.signal, addEventListener: () => undefined },
        collector: page.reader,
        send: async () => {
          sent = true;
          resolve();
        },
        onReadNow: () => undefined,
        win,
      });
    });
    await new Promise((resolve) => realSetTimeout(resolve, 200));
    const readBy = sent ? 'ready' : 'time limit';
    if (!sent) {
      for (const [id, fn] of [...timers]) {
        realClearTimeout(id as ReturnType<typeof setTimeout>);
        timers.delete(id);
        fn();
      }
    }
    await reading;
    // Let any follow-up microtasks and zero-delay timers run before counting.
    await new Promise((resolve) => realSetTimeout(resolve, 50));
    return { file: page.file, liveTimers: timers.size, liveObservers: observers.size, readBy };
  } finally {
    controller.abort();
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
    dom.window.close();
  }
}
