import { describe, expect, it } from 'vitest';
import { readWhenReady, type ReadWhenReadyOptions } from '../../../lib/content/read-when-ready';
import { tiktok, tiktokPage } from '../../../lib/platforms/tiktok';
import type { PageCollector } from '../../../lib/platforms/platform';
import { htmlDocument } from '../../helpers/fixtures';

/** Waits and captures as the content script does, and interprets the capture as the worker does. */
async function readingWhenReady(options: ReadWhenReadyOptions) {
  const capture = await readWhenReady(options);
  if (!capture) return undefined;
  const result = tiktok.interpret(capture);
  if (!result.ok) throw new Error(result.problem);
  return result.reading;
}

const header = (handle: string, followers: string) =>
  `<h1 data-e2e="user-title">${handle}</h1><strong data-e2e="followers-count">${followers}</strong>`;

describe('readWhenReady', () => {
  it('waits for the new profile to render instead of reading the previous one', async () => {
    // After in-app navigation the URL names @second while the DOM still shows @first.
    const doc = htmlDocument(`<main>${header('first', '1,000')}</main>`, 'https://www.tiktok.com/@first');
    const url = new URL('https://www.tiktok.com/@second');
    const pending = readingWhenReady({ collector: tiktokPage, doc, url, signal: new AbortController().signal });
    setTimeout(() => {
      doc.querySelector('main')!.replaceChildren(htmlDocument(header('second', '2,500'), url.href).body);
    }, 20);
    const reading = await pending;
    expect(reading).toMatchObject({ kind: 'profile', handle: 'second', followers: { value: 2500 } });
  });

  it('reads what is there after the time limit, with the missing counts unknown', async () => {
    const doc = htmlDocument('<main></main>', 'https://www.tiktok.com/@late');
    const reading = await readingWhenReady({
      collector: tiktokPage,
      doc,
      url: new URL('https://www.tiktok.com/@late'),
      signal: new AbortController().signal,
      timeoutMs: 30,
    });
    expect(reading).toMatchObject({ kind: 'profile', handle: 'late', followers: { status: 'unknown' } });
  });

  it('gives nothing once aborted (the next navigation came first) and leaves no observer running', async () => {
    const doc = htmlDocument('<main></main>', 'https://www.tiktok.com/@gone');
    const controller = new AbortController();
    let checks = 0;
    const counting: PageCollector = {
      ...tiktokPage,
      isReady: (d, u) => {
        checks += 1;
        return tiktokPage.isReady(d, u);
      },
    };
    const pending = readWhenReady({
      collector: counting,
      doc,
      url: new URL('https://www.tiktok.com/@gone'),
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toBeUndefined();
    const before = checks;
    doc.querySelector('main')!.append(doc.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(checks).toBe(before);
  });

  it('turns a collector that throws into an explained "other" reading instead of throwing into the page', async () => {
    const broken: PageCollector = {
      ...tiktokPage,
      isReady: () => true,
      collect: () => {
        throw new Error('markup changed');
      },
    };
    const doc = htmlDocument('<main></main>', 'https://www.tiktok.com/@x');
    const reading = await readingWhenReady({
      collector: broken,
      doc,
      url: new URL('https://www.tiktok.com/@x'),
      signal: new AbortController().signal,
    });
    expect(reading).toMatchObject({ kind: 'other', reason: expect.stringContaining('markup changed') });
  });
});
