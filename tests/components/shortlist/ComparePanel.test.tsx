// @vitest-environment jsdom
/**
 * The compare panel's signals row against a real (fake-indexeddb) store: a creator saved now (reading and settings
 * kept, the assessment recomputed when the panel opens), one saved before settings were kept (its stored
 * assessment), and one with nothing to assess.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparePanel } from '../../../components/shortlist/ComparePanel';
import { assessProfile, DEFAULT_SETTINGS } from '../../../lib/assess';
import { saveAssessed } from '../../../lib/background/save-visit';
import { sampleCampaign } from '../../../lib/fit';
import { tiktok } from '../../../lib/platforms/tiktok';
import type { ProfileReading } from '../../../lib/reading';
import { signalCount } from '../../../lib/shortlist/compare';
import { history, putCampaign, saveCreator } from '../../../lib/store/repo';
import { loadDocument, manifestEntry } from '../../helpers/fixtures';
import { freshDb, reading, withStoredAssessment } from '../../lib/store/helpers';
import { row } from '../../lib/shortlist/rows';
import { until } from '../until';

const T1 = 1_700_000_000_000;
const entry = manifestEntry('tiktok/profile-illojuan.html');
const illojuan = tiktok.read(loadDocument(entry.file, entry.url), new URL(entry.url), T1) as ProfileReading;

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

describe('ComparePanel', () => {
  it('shows the signals of the assessment the background made, and an older record’s stored ones', async () => {
    const { db } = await freshDb();
    const campaign = sampleCampaign(0);
    await putCampaign(db, campaign);
    const saved = await saveAssessed(db, illojuan, DEFAULT_SETTINGS, campaign, T1);
    const older = { ...illojuan, handle: 'older', url: 'https://www.tiktok.com/@older' };
    await saveAssessed(db, older, DEFAULT_SETTINGS, campaign, T1);
    const stored = assessProfile(older, DEFAULT_SETTINGS);
    stored.signals = stored.signals.map((s, i) => (i < 3 ? { ...s, status: 'raised' } : s));
    await withStoredAssessment(db, 'tiktok:older', JSON.parse(JSON.stringify(stored)));
    await saveCreator(db, { reading: reading('plain', 100), summary: {}, campaignId: campaign.id, now: T1 });

    const rows = [
      row({ handle: 'illojuan', platform: 'tiktok', campaignId: campaign.id }),
      row({ handle: 'older', platform: 'tiktok', campaignId: campaign.id }),
      row({ handle: 'plain', campaignId: campaign.id }),
    ];
    root = document.createElement('div');
    document.body.append(root);
    render(
      <ComparePanel rows={rows} now={T1} loadHistory={(key) => history(db, key)} onClose={() => undefined} />,
      root,
    );
    const cells = () =>
      [...root!.querySelectorAll('tbody tr')]
        .find((tr) => tr.querySelector('th')?.textContent === 'Signals')
        ?.querySelectorAll('td');
    await until(() => cells() && [...cells()!].every((td) => td.textContent !== '…'), 'the signals');
    const text = [...cells()!].map((td) => td.textContent ?? '');
    const expected = (count: ReturnType<typeof signalCount>) =>
      `${count!.raised} raised of ${count!.checked} checked${count!.labels.join('; ')}`;
    expect(text[0]).toBe(expected(signalCount(saved.assessment)));
    expect(text[1]).toBe(expected(signalCount(stored)));
    expect(signalCount(stored)!.raised).toBeGreaterThan(signalCount(saved.assessment)!.raised);
    expect(text[2]).toContain('no assessment saved');
    db.close();
  });
});
