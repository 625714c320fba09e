/**
 * The first run: a sample campaign, so the first profile a person opens already shows a fit score. Called by
 * the background on install and by the options page on every load; both may run at once, so the check and the
 * writes share one transaction and the sample has a fixed id — however many times it runs, there is one sample.
 */
import { sampleCampaign, SAMPLE_CAMPAIGN_ID } from '../fit/campaigns';
import type { ScoutDb } from '../store';
import { abortQuietly, storeErrorOf } from '../store/tx';

/** What {@link ensureSampleCampaign} did. */
export interface FirstRunResult {
  /** True when the sample was created by this call. */
  created: boolean;
  /** The active campaign afterwards, if any. */
  activeCampaignId?: string;
}

/**
 * When there are no campaigns at all, creates the sample campaign (id {@link SAMPLE_CAMPAIGN_ID}) and makes it
 * the active one. With any campaign present it changes nothing: the person's campaigns and choice stand. A full
 * disk is reported as the store's `StorageFullError`.
 */
export async function ensureSampleCampaign(db: ScoutDb, now: number): Promise<FirstRunResult> {
  const tx = db.transaction(['campaigns', 'meta'], 'readwrite');
  try {
    const campaigns = tx.objectStore('campaigns');
    const meta = tx.objectStore('meta');
    let created = false;
    if ((await campaigns.count()) === 0) {
      await campaigns.put(sampleCampaign(now));
      await meta.put({ key: 'activeCampaignId', value: SAMPLE_CAMPAIGN_ID });
      created = true;
    }
    const active = await meta.get('activeCampaignId');
    const activeCampaignId = active && (await campaigns.getKey(active.value)) !== undefined ? active.value : undefined;
    await tx.done;
    return activeCampaignId === undefined ? { created } : { created, activeCampaignId };
  } catch (error) {
    abortQuietly(tx);
    throw storeErrorOf(tx, error);
  }
}
