import type { SavedStatus } from '../lib/background/shortlist-view';
import { formatPercent } from '../lib/assess/numbers';

interface Props {
  saved: SavedStatus;
  activeCampaignName: string | undefined;
  busy: boolean;
  message: string | undefined;
  onSave: () => void;
  onOpenShortlist: () => void;
  now?: number;
}

/** "Save to shortlist", or what the shortlist already knows: "saved · last seen 3 days ago · followers +2.1%". */
export function SaveBar({
  saved,
  activeCampaignName,
  busy,
  message,
  onSave,
  onOpenShortlist,
  now = Date.now(),
}: Props) {
  const inActive = saved.saved && saved.campaigns.some((c) => c.campaignName === activeCampaignName);
  return (
    <section class="save-bar" aria-label="Shortlist">
      <p class="saved-status" data-testid="saved-status" role="status">
        {savedLine(saved, now)}
      </p>
      {message && (
        <p class="save-message" role="alert">
          {message}
        </p>
      )}
      <div class="save-actions">
        <button
          type="button"
          class="primary"
          onClick={onSave}
          disabled={busy || inActive}
          aria-keyshortcuts="Alt+Shift+S"
        >
          {inActive ? `Saved to ${activeCampaignName}` : busy ? 'Saving…' : 'Save to shortlist'}
        </button>
        <button type="button" onClick={onOpenShortlist}>
          Open shortlist
        </button>
      </div>
    </section>
  );
}

/** The saved status in words. */
export function savedLine(saved: SavedStatus, now: number): string {
  if (!saved.saved) return 'Not on a shortlist yet.';
  const where = saved.campaigns.map((c) => `${c.campaignName ?? 'a campaign'} (${c.status})`).join(', ');
  const parts = [`saved in ${where}`];
  if (saved.previousSeen !== undefined) parts.push(`last seen ${relativeTime(saved.previousSeen, now)}`);
  const change = saved.followersChange;
  if (change?.fraction !== undefined) {
    const sign = change.fraction > 0 ? '+' : change.fraction < 0 ? '−' : '±';
    parts.push(
      `followers ${sign}${formatPercent(Math.abs(change.fraction))}${change.exact ? '' : ' (rounded counts)'}`,
    );
  }
  return parts.join(' · ');
}

/** "just now", "5 minutes ago", "3 days ago". */
export function relativeTime(then: number, now: number): string {
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}
