import { describe, expect, it } from 'vitest';
import { acceptCapture } from '../../../lib/background/accept-capture';
import { capturePage } from '../../../lib/platforms/capture-page';
import { tiktokPage } from '../../../lib/platforms/tiktok';
import { loadDocument, manifestEntry } from '../../helpers/fixtures';

const entry = manifestEntry('tiktok/profile-illojuan.html');
const url = new URL(entry.url);
/** What the TikTok content script sends from the saved @illojuan profile. */
const capture = () => capturePage(tiktokPage, loadDocument(entry.file, entry.url), url, 1_700_000_000_000);

describe('acceptCapture: what the worker takes from a content script', () => {
  it('turns a real capture from the tab it came from into that page’s reading', () => {
    const result = acceptCapture(capture(), entry.url);
    expect(result).toMatchObject({ ok: true, reading: { kind: 'profile', handle: 'illojuan' } });
    // Interpreted in the worker: the exact count from the page's data, not the page's "783.4K".
    expect(result.ok && result.reading.kind === 'profile' && result.reading.followers).toMatchObject({
      status: 'known',
      value: 783_427,
    });
  });

  it('refuses a capture sent from a tab showing another page or another site', () => {
    expect(acceptCapture(capture(), 'https://www.tiktok.com/@someone_else')).toMatchObject({ ok: false });
    expect(acceptCapture(capture(), 'https://www.youtube.com/@illojuan')).toMatchObject({ ok: false });
    expect(acceptCapture(capture(), undefined)).toMatchObject({ ok: false });
  });

  it('refuses a malformed envelope and names the field', () => {
    for (const bad of [null, 'text', { ...capture(), platform: 'myspace' }, { ...capture(), readAt: -1 }]) {
      const result = acceptCapture(bad, entry.url);
      expect(result.ok).toBe(false);
    }
    expect(acceptCapture({ ...capture(), url: 'x'.repeat(2001) }, entry.url)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('url'),
    });
  });

  it('refuses data that fails the platform’s schema instead of storing any of it', () => {
    const good = capture();
    const data = good.data as { kind: string; tiles: unknown[]; followers?: unknown };
    const cases = [
      { ...data, followers: 783427 }, // a number where the page shows text
      { ...data, followers: 'x'.repeat(201) },
      { ...data, tiles: Array.from({ length: 501 }, () => data.tiles[0]) },
      { ...data, kind: 'feed' },
    ];
    for (const bad of cases) {
      const result = acceptCapture({ ...good, data: bad }, entry.url);
      expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('tiktok capture') });
    }
  });

  it('reports a collector that failed in the page as a reading that says why', () => {
    const failed = { ...capture(), data: undefined, problem: 'markup changed' };
    expect(acceptCapture(failed, entry.url)).toMatchObject({
      ok: true,
      reading: { kind: 'other', reason: expect.stringContaining('markup changed') },
    });
  });
});
