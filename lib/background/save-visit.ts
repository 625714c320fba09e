/**
 * What the background stores for an assessed profile reading: saving the creator to a campaign, and recording a
 * later visit to a saved creator.
 *
 * A visit keeps the reading and the settings it was assessed with, not the assessment: the assessment is derived,
 * 10–24 KB with real pages, and the shortlist recomputes it when it shows it (lib/shortlist/latest-assessment.ts).
 * So the assessment whose figures go on the creator row must be the one that recomputation gives: made with the
 * follower counts of the visits beside this one (followerHistory at the visit's time), as the stored history will
 * hold them.
 */
import { assessProfile, type Assessment, type AssessSettings } from '../assess';
import type { Campaign } from '../campaign';
import type { ProfileReading } from '../reading';
import type { ScoutDb } from '../store/db';
import { recordVisit, saveCreator, type CreatorStatus } from '../store/repo';
import { creatorSummary } from './creator-summary';
import { activeCampaign, fitFor, followerHistory } from './shortlist-view';

/**
 * Saves the creator of `reading` to `campaign`'s shortlist as a visit at `now`. The reading is assessed again with
 * `settings` (the tab's assessment's) against the visits as they will be beside one at `now`: the tab's assessment
 * compared with those beside one at the reading's time, which may be hours earlier when the page did not answer and
 * its stored state is saved. Only the follower-jump signal can differ from the tab's. Returns what saveCreator
 * returns, and the assessment the saved visit stands for.
 */
export async function saveAssessed(
  db: ScoutDb,
  reading: ProfileReading,
  settings: AssessSettings,
  campaign: Campaign,
  now: number,
) {
  const assessment = assessProfile(reading, settings, await followerHistory(db, reading, now));
  const summary = creatorSummary(assessment, fitFor(campaign, reading, assessment));
  const result = await saveCreator(db, { reading, settings, summary, campaignId: campaign.id, now });
  return { ...result, assessment };
}

/**
 * Records a visit to a saved creator's page at the reading's time (nothing for a creator on no shortlist), with the
 * active campaign's fit. `assessment` is the tab's, made against followerHistory(db, reading) just before — the
 * visits beside one at the reading's time — so it is the one the stored visit gives back.
 */
export async function recordAssessedVisit(
  db: ScoutDb,
  reading: ProfileReading,
  assessment: Assessment,
): Promise<CreatorStatus> {
  const fit = fitFor((await activeCampaign(db)).active, reading, assessment);
  return recordVisit(db, reading, assessment.settings, creatorSummary(assessment, fit), reading.readAt);
}
