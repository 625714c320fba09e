/**
 * The shortlist side of what the popup shows for a profile: the campaigns, the active one's fit score, and whether
 * (and since when) the creator is saved. Built by the background from IndexedDB; plain JSON for the message.
 */
import type { Assessment } from '../assess';
import type { FollowerHistoryPoint } from '../assess/signals';
import type { Campaign } from '../campaign';
import { fitInputFrom } from '../fit/from-assessment';
import { scoreFit, type FitResult } from '../fit';
import type { ProfileReading } from '../reading';
import type { ScoutDb } from '../store/db';
import { creatorKey, type ShortlistStatus } from '../store/schema';
import { followerHistoryOf } from '../store/visits';
import {
  getActiveCampaignId,
  getCreatorStatus,
  history,
  listCampaigns,
  type CreatorStatus,
  type FollowersChange,
} from '../store/repo';

/** Whether the creator is saved, in the few facts the popup states. */
export type SavedStatus =
  | { saved: false }
  | {
      saved: true;
      campaigns: { campaignId: string; campaignName?: string; status: ShortlistStatus }[];
      /** The latest visit. */
      lastSeen: number;
      /** The visit before it, for "last seen 3 days ago". */
      previousSeen?: number;
      followersChange?: FollowersChange;
    };

export interface ShortlistView {
  campaigns: { id: string; name: string }[];
  activeCampaignId?: string;
  /** The active campaign's fit, when there is one. */
  fit?: FitResult;
  saved: SavedStatus;
}

export function savedStatus(status: CreatorStatus): SavedStatus {
  if (!status.saved) return { saved: false };
  return {
    saved: true,
    campaigns: status.campaigns.map(({ campaignId, campaignName, status: s }) => ({
      campaignId,
      ...(campaignName ? { campaignName } : {}),
      status: s,
    })),
    lastSeen: status.lastSeen,
    ...(status.previous ? { previousSeen: status.previous.at } : {}),
    ...(status.followersChange ? { followersChange: status.followersChange } : {}),
  };
}

/** The active campaign: the one marked active, else the first, else none. */
export async function activeCampaign(db: ScoutDb): Promise<{ campaigns: Campaign[]; active?: Campaign }> {
  const [campaigns, activeId] = await Promise.all([listCampaigns(db), getActiveCampaignId(db)]);
  return { campaigns, active: campaigns.find((c) => c.id === activeId) ?? campaigns[0] };
}

export function fitFor(campaign: Campaign | undefined, reading: ProfileReading, assessment: Assessment) {
  return campaign ? scoreFit(campaign, fitInputFrom(reading, assessment)) : undefined;
}

export async function shortlistView(
  db: ScoutDb,
  reading: ProfileReading,
  assessment: Assessment,
): Promise<ShortlistView> {
  // Independent read-only transactions: the popup waits for this, so they run at the same time.
  const [{ campaigns, active }, status] = await Promise.all([
    activeCampaign(db),
    getCreatorStatus(db, reading.platform, reading.handle),
  ]);
  const fit = fitFor(active, reading, assessment);
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
    ...(active ? { activeCampaignId: active.id } : {}),
    ...(fit ? { fit } : {}),
    saved: savedStatus(status),
  };
}

/**
 * Follower counts from the creator's saved visits, oldest first, for the "sudden jump" signal: those of the visits a
 * visit at `at` (the reading's time unless given) keeps beside it. A saved visit within the hour before is the same
 * visit seen again (the new one replaces it), not an earlier one to compare with. This is the history the stored
 * visit is assessed again with when the shortlist shows its assessment (followerHistoryOf), so both agree.
 */
export async function followerHistory(
  db: ScoutDb,
  reading: ProfileReading,
  at: number = reading.readAt,
): Promise<FollowerHistoryPoint[]> {
  return followerHistoryOf(await history(db, creatorKey(reading.platform, reading.handle)), at);
}
