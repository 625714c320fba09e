import { describe, expect, it, vi } from 'vitest';
import { ensureSampleCampaign } from '../../../lib/campaigns/first-run';
import { SAMPLE_CAMPAIGN_ID, sampleCampaign } from '../../../lib/fit/campaigns';
import { getActiveCampaignId, listCampaigns, putCampaign, setActiveCampaignId } from '../../../lib/store/repo';
import { StorageFullError } from '../../../lib/store/errors';
import { openScoutDb } from '../../../lib/store/db';
import { campaign, freshDb, T0 } from '../store/helpers';

describe('ensureSampleCampaign', () => {
  it('creates the sample and makes it active when there are no campaigns', async () => {
    const { db } = await freshDb();
    expect(await ensureSampleCampaign(db, T0)).toEqual({ created: true, activeCampaignId: SAMPLE_CAMPAIGN_ID });
    expect(await listCampaigns(db)).toEqual([sampleCampaign(T0)]);
    expect(await getActiveCampaignId(db)).toBe(SAMPLE_CAMPAIGN_ID);
  });

  it('is idempotent: a second run neither duplicates nor re-stamps the sample', async () => {
    const { db } = await freshDb();
    await ensureSampleCampaign(db, T0);
    expect(await ensureSampleCampaign(db, T0 + 1000)).toEqual({
      created: false,
      activeCampaignId: SAMPLE_CAMPAIGN_ID,
    });
    expect(await listCampaigns(db)).toEqual([sampleCampaign(T0)]);
  });

  it('creates one sample when the background and the options page run it at once', async () => {
    const { db, factory } = await freshDb();
    // Two connections to one database, as the worker and an extension page each hold.
    const second = await openScoutDb(factory);
    const results = await Promise.all([ensureSampleCampaign(db, T0), ensureSampleCampaign(second, T0 + 1)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await listCampaigns(db)).toHaveLength(1);
    expect(await getActiveCampaignId(db)).toBe(SAMPLE_CAMPAIGN_ID);
  });

  it('leaves the person’s campaigns and active choice alone', async () => {
    const { db } = await freshDb();
    await putCampaign(db, campaign('mine'));
    await putCampaign(db, campaign('other'));
    await setActiveCampaignId(db, 'other');
    expect(await ensureSampleCampaign(db, T0)).toEqual({ created: false, activeCampaignId: 'other' });
    expect((await listCampaigns(db)).map((c) => c.id)).toEqual(['mine', 'other']);
  });

  it('does not pick an active campaign when the person has campaigns but none active', async () => {
    const { db } = await freshDb();
    await putCampaign(db, campaign('mine'));
    expect(await ensureSampleCampaign(db, T0)).toEqual({ created: false });
    expect(await getActiveCampaignId(db)).toBeUndefined();
  });

  it('reports a full disk as StorageFullError and leaves nothing half-written', async () => {
    const { db } = await freshDb();
    const put = IDBObjectStore.prototype.put;
    // The campaign lands, then the active-campaign row fails as a full disk does: the whole first run must undo.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'meta') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await ensureSampleCampaign(db, T0).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await listCampaigns(db)).toEqual([]);
    expect(await getActiveCampaignId(db)).toBeUndefined();
  });
});
