import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { runReader, type ReaderContext } from '../../../lib/content/run-reader';
import { tiktok, tiktokPage } from '../../../lib/platforms/tiktok';
import type { PageCapture } from '../../../lib/capture';
import type { Reading } from '../../../lib/reading';

const tile = (id: number) =>
  `<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@creator/video/${1_000_000 + id}"></a>` +
  `<strong data-e2e="video-views">${id}K</strong></div>`;
const page = (tiles: number) =>
  `<main><h1 data-e2e="user-title">creator</h1><strong data-e2e="followers-count">12.5K</strong>` +
  `<section id="grid">${Array.from({ length: tiles }, (_, i) => tile(i + 1)).join('')}</section></main>`;

/** A content script's world in jsdom: the page, a fake WXT context, and what the script sent. */
function start(html: string, url: string) {
  const dom = new JSDOM(html, { url });
  const win = dom.window as unknown as Window;
  const listeners = new Map<string, (event: { newUrl: URL }) => void>();
  const controller = new AbortController();
  const ctx: ReaderContext = {
    signal: controller.signal,
    addEventListener: (_target: Window, type: string, listener: (event: { newUrl: URL }) => void) => {
      listeners.set(type, listener);
    },
  };
  // What the worker makes of each capture sent: the content script itself only collects.
  const sent: Reading[] = [];
  let readNow: (() => PageCapture | undefined) | undefined;
  runReader({
    ctx,
    collector: tiktokPage,
    win,
    send: async (capture) => void sent.push(interpret(capture)),
    onReadNow: (handler) => (readNow = handler),
  });
  return {
    dom,
    win,
    sent,
    fire: (type: string, newUrl?: string) => listeners.get(type)?.({ newUrl: new URL(newUrl ?? url) }),
    readNow: () => {
      const capture = readNow?.();
      return capture && interpret(capture);
    },
  };
}

function interpret(capture: PageCapture): Reading {
  const result = tiktok.interpret(capture);
  if (!result.ok) throw new Error(result.problem);
  return result.reading;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('runReader', () => {
  it('reads the page once it is ready and sends it', async () => {
    const world = start(page(3), 'https://www.tiktok.com/@creator');
    await settle();
    expect(world.sent).toHaveLength(1);
    expect(world.sent[0]).toMatchObject({ kind: 'profile', handle: 'creator' });
  });

  it('sends again when scrolling brought more posts in, and not when nothing changed', async () => {
    const world = start(page(3), 'https://www.tiktok.com/@creator');
    await settle();
    world.fire('scrollend');
    expect(world.sent).toHaveLength(1);
    const grid = world.win.document.getElementById('grid')!;
    grid.append(...new JSDOM(tile(4) + tile(5)).window.document.body.childNodes);
    world.fire('scrollend');
    expect(world.sent).toHaveLength(2);
    expect(world.sent[1]?.kind === 'profile' && world.sent[1].recentPosts).toHaveLength(5);
  });

  it('after in-app navigation, reports the new profile only once it has rendered', async () => {
    const world = start(page(2), 'https://www.tiktok.com/@creator');
    await settle();
    world.dom.reconfigure({ url: 'https://www.tiktok.com/@next' });
    world.fire('wxt:locationchange', 'https://www.tiktok.com/@next');
    await settle();
    expect(world.sent).toHaveLength(1); // still showing @creator: nothing sent for @next
    world.win.document.querySelector('h1')!.textContent = 'next';
    await settle();
    expect(world.sent).toHaveLength(2);
    expect(world.sent[1]).toMatchObject({ kind: 'profile', handle: 'next', url: 'https://www.tiktok.com/@next' });
  });

  it('answers a request to read now with what the page shows', async () => {
    const world = start(page(1), 'https://www.tiktok.com/@creator');
    await settle();
    expect(world.readNow()).toMatchObject({ kind: 'profile', handle: 'creator' });
  });
});
