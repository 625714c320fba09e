/** Turns an accepted reading into the tab's state: the reading plus its assessment. */
import { assessPost, assessProfile, type AssessSettings } from '../assess';
import type { FollowerHistoryPoint } from '../assess/signals';
import type { Reading } from '../reading';
import type { TabState } from './tab-state';

export function assessReading(
  reading: Reading,
  settings: AssessSettings,
  history?: readonly FollowerHistoryPoint[],
): TabState {
  if (reading.kind === 'profile') return { reading, assessment: assessProfile(reading, settings, history) };
  if (reading.kind === 'post') return { reading, postAssessment: assessPost(reading) };
  return { reading };
}
