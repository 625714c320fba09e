import { useEffect, useRef, useState } from 'preact/hooks';
import { SHORTLIST_STATUSES, type BulkPatch, type ShortlistStatus } from '../../lib/store';
import { MAX_COMPARE } from '../../lib/shortlist/compare';
import { statusLabel, tagsFromText } from './format';

interface Props {
  count: number;
  /** How many of the selected the filters hide (they are still acted on). */
  hidden: number;
  busy: boolean;
  onUpdate: (patch: BulkPatch) => void;
  onRemove: () => void;
  onExport: () => void;
  onCompare: () => void;
  onClear: () => void;
}

/** What can be done to the selected creators at once. Removing asks first. */
export function BulkBar({ count, hidden, busy, onUpdate, onRemove, onExport, onCompare, onClear }: Props) {
  const [status, setStatus] = useState<ShortlistStatus>('contacted');
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useEffect(() => setConfirming(false), [count]);

  const tags = tagsFromText(tag)
    .map((t) => t.trim())
    .filter(Boolean);
  const creators = `${count} ${count === 1 ? 'creator' : 'creators'}`;
  return (
    <section class="bulk" aria-label="Selected creators">
      <p class="bulk-count" role="status">
        {creators} selected
        {hidden > 0 && `, ${hidden} of them hidden by the filters`}
      </p>
      <div class="bulk-group">
        <label for="bulk-status">Status</label>
        <select
          id="bulk-status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ShortlistStatus)}
        >
          {SHORTLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => onUpdate({ status })}>
          Set status
        </button>
      </div>
      <div class="bulk-group">
        <label for="bulk-tag">Tag</label>
        <input
          id="bulk-tag"
          type="text"
          size={14}
          value={tag}
          onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" disabled={busy || tags.length === 0} onClick={() => onUpdate({ addTags: tags })}>
          Add tag
        </button>
        <button type="button" disabled={busy || tags.length === 0} onClick={() => onUpdate({ removeTags: tags })}>
          Remove tag
        </button>
      </div>
      <div class="bulk-group">
        <button
          type="button"
          disabled={busy || count < 2 || count > MAX_COMPARE}
          aria-describedby="compare-hint"
          onClick={onCompare}
        >
          Compare
        </button>
        <span id="compare-hint" class="hint">
          {count > MAX_COMPARE ? `Select at most ${MAX_COMPARE} to compare.` : 'Compare 2 to 4 side by side.'}
        </span>
        <button type="button" disabled={busy} onClick={onExport}>
          Export selected (CSV)
        </button>
        <button type="button" disabled={busy} class="danger" onClick={() => setConfirming(true)}>
          Remove…
        </button>
        <button type="button" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" aria-modal="false">
          <p id="confirm-text">
            Remove {creators} from the shortlist? Their notes, tags and status go too, and a creator on no other
            campaign's list is deleted with their saved history. Export a backup first if you may want them back.
          </p>
          <button
            type="button"
            class="danger"
            ref={confirmButton}
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onRemove();
            }}
          >
            Remove {creators}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
