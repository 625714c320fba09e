/**
 * The assessment a creator's saved history stands for, and its authenticity signals for the compare panel.
 *
 * A history's latest visit keeps the whole reading and the settings it was assessed with, not the assessment: that
 * is derived (assessProfile is deterministic given the reading, the settings and the follower counts of the other
 * visits), and at 10–24 KB with real pages it was most of what a backup weighs. So it is recomputed here, with the
 * follower history the background used (followerHistoryOf: the visits beside this one), which gives the assessment
 * the background made when it saved the visit. Records written before the settings were kept still hold the whole
 * assessment, and it is shown as stored.
 *
 * This module brings in all of lib/assess (~34 KB minified, ~12 KB gzip), so modules the shortlist page needs for
 * its first rows (compare.ts among them) do not import it: only the compare panel does.
 */
import { assessProfile } from '../assess';
import type { Visit } from '../store/schema';
import { followerHistoryOf } from '../store/visits';
import { signalCount, type SignalCount } from './compare';

/**
 * The latest visit's assessment: as stored (an older record's JSON, not interpreted), or an `Assessment`
 * recomputed from the stored reading and settings. Undefined for no visits, or a latest visit saved with neither.
 *
 * It is recomputed by the code running now, so it follows a later version of the assessment (a stored one keeps the
 * version it was made with). When a late, older reading was put before the latest visit after that was saved, the
 * follower history includes it now, which the background's assessment did not.
 */
export function latestAssessment(visits: readonly Visit[]): unknown {
  const latest = visits.at(-1);
  if (!latest) return undefined;
  if (latest.assessment !== undefined) return latest.assessment;
  if (!latest.reading || !latest.settings) return undefined;
  return assessProfile(latest.reading, latest.settings, followerHistoryOf(visits, latest.at));
}

/**
 * The signals of the latest saved assessment, from a creator's history (oldest first, as `history()` gives it):
 * undefined when the latest visit has no assessment and nothing to recompute one from, or a stored one of another
 * shape.
 */
export function latestSignals(visits: readonly Visit[]): SignalCount | undefined {
  return signalCount(latestAssessment(visits));
}
