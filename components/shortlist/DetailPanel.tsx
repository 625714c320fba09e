import { useEffect, useRef, useState } from 'preact/hooks';
import {
  LIMITS,
  SHORTLIST_STATUSES,
  normaliseTags,
  type EntryPatch,
  type ShortlistRow,
  type ShortlistStatus,
  type Visit,
} from '../../lib/store';
import { fullDate } from '../../lib/shortlist/time';
import { PLATFORM_LABELS } from '../format';
import { HistoryChart } from './HistoryChart';
import { Followers, LastSeen, ProfileLink, handleLabel } from './ShortlistTable';
import { engagementText, fitText, priceText, statusLabel, tagsFromText, tierLabel } from './format';

interface Props {
  row: ShortlistRow;
  now: number;
  loadHistory: (creatorKey: string) => Promise<Visit[]>;
  /** Saves the edit; rejects with the store's error, which the page reports. */
  onSave: (entryKey: string, patch: EntryPatch) => Promise<void>;
  onClose: () => void;
}

interface Draft {
  status: ShortlistStatus;
  notes: string;
  tags: string;
}

const draftOf = (row: ShortlistRow): Draft => ({
  status: row.entry.status,
  notes: row.entry.notes,
  tags: row.entry.tags.join(', '),
});

/** One creator: their figures, their follower history, and the entry's status, notes and tags to edit. */
export function DetailPanel({ row, now, loadHistory, onSave, onClose }: Props) {
  const { creator, entry } = row;
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const [saving, setSaving] = useState(false);
  const [visits, setVisits] = useState<Visit[] | undefined>();
  const [historyError, setHistoryError] = useState<string>();

  // Another creator opened, or this entry changed elsewhere (a bulk edit, a save): start from what is stored. Done
  // while rendering, not in an effect, so that typing right after the panel opens is never overwritten.
  const shownVersion = useRef(`${entry.key}@${entry.updatedAt}`);
  if (shownVersion.current !== `${entry.key}@${entry.updatedAt}`) {
    shownVersion.current = `${entry.key}@${entry.updatedAt}`;
    setDraft(draftOf(row));
  }

  useEffect(() => {
    let current = true;
    setVisits(undefined);
    setHistoryError(undefined);
    loadHistory(creator.key).then(
      (list) => current && setVisits(list),
      (error: unknown) => current && setHistoryError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [creator.key, creator.lastSeen, loadHistory]);

  const stored = draftOf(row);
  const patch: EntryPatch = {};
  if (draft.status !== stored.status) patch.status = draft.status;
  if (draft.notes !== entry.notes) patch.notes = draft.notes;
  const tags = normaliseTags(tagsFromText(draft.tags));
  if (JSON.stringify(tags) !== JSON.stringify(entry.tags)) patch.tags = tags;
  const dirty = Object.keys(patch).length > 0;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!dirty) return;
    setSaving(true);
    try {
      await onSave(entry.key, patch);
    } finally {
      setSaving(false);
    }
  };

  const summary = creator.summary;
  return (
    <section class="side-panel detail" aria-labelledby="detail-title">
      <header class="panel-head">
        <div>
          <p class="eyebrow">{PLATFORM_LABELS[creator.platform]}</p>
          <h2 id="detail-title">{handleLabel(row)}</h2>
          {creator.displayName && <p class="muted">{creator.displayName}</p>}
        </div>
        <button type="button" class="close" onClick={onClose} aria-label="Close the creator panel">
          ×
        </button>
      </header>
      <p>
        <ProfileLink row={row} /> <span class="muted">(opens the profile in a new tab)</span>
      </p>
      {creator.unvisited && (
        <p class="note">
          Added from a list on {fullDate(creator.firstSeen)}: no counts yet. Open the profile and Creator Scout reads
          them on your next visit.
        </p>
      )}
      <dl class="facts">
        <dt>Followers</dt>
        <dd>
          <Followers row={row} />
        </dd>
        <dt>Engagement</dt>
        <dd>{engagementText(summary.engagementRate) ?? '—'}</dd>
        <dt>Tier</dt>
        <dd>{tierLabel(summary.tier) ?? '—'}</dd>
        <dt>Fit</dt>
        <dd>{fitText(summary.fitScore) ?? '—'}</dd>
        <dt>Price / post</dt>
        <dd>{priceText(summary) ?? '—'}</dd>
        <dt>Campaign</dt>
        <dd>{row.campaign?.name ?? entry.campaignId}</dd>
        <dt>Added</dt>
        <dd>{fullDate(entry.addedAt)}</dd>
        <dt>Last seen</dt>
        <dd>
          <LastSeen row={row} now={now} />
        </dd>
      </dl>

      <h3>Followers over time</h3>
      <HistoryChart visits={visits} error={historyError} />

      <form class="edit" onSubmit={save}>
        <h3>Your notes</h3>
        <label for="detail-status">Status</label>
        <select
          id="detail-status"
          value={draft.status}
          onChange={(e) =>
            setDraft({ ...draft, status: (e.currentTarget as HTMLSelectElement).value as ShortlistStatus })
          }
        >
          {SHORTLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <label for="detail-tags">Tags</label>
        <input
          id="detail-tags"
          type="text"
          value={draft.tags}
          aria-describedby="detail-tags-hint"
          onInput={(e) => setDraft({ ...draft, tags: (e.currentTarget as HTMLInputElement).value })}
        />
        <p id="detail-tags-hint" class="hint">
          Separate tags with commas.
        </p>
        <label for="detail-notes">Notes</label>
        <textarea
          id="detail-notes"
          rows={5}
          maxLength={LIMITS.notes}
          value={draft.notes}
          onInput={(e) => setDraft({ ...draft, notes: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" disabled={!dirty || saving} onClick={() => setDraft(stored)}>
            Discard
          </button>
        </div>
      </form>
    </section>
  );
}
