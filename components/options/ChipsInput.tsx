import { useState } from 'preact/hooks';
import { addToList } from '../../lib/campaigns/lists';
import { fieldIds } from './Field';

interface Props {
  id: string;
  /** The field's name, for "Remove travel from niche keywords". */
  label: string;
  items: string[];
  /** Text typed but not yet added; the form adds it on save, so nothing typed is lost. */
  draft: string;
  onItems(items: string[]): void;
  onDraft(draft: string): void;
  /** How an item is shown on its chip (a language code as "Spanish (es)"). */
  display?: (item: string) => string;
  /** Turns an item into its stored form as it is added (a language name into its code). */
  normalize?: (item: string) => string;
  hint: boolean;
  error?: string;
  placeholder?: string;
}

/**
 * A list typed as chips: a comma or Enter adds what was typed (a pasted "a, b, c" adds three), leaving the field
 * adds it too, and each chip has a remove button. Chips are plain text; nothing typed is ever read as HTML.
 */
export function ChipsInput({
  id,
  label,
  items,
  draft,
  onItems,
  onDraft,
  display,
  normalize,
  hint,
  error,
  placeholder,
}: Props) {
  const [announcement, setAnnouncement] = useState('');
  const show = display ?? ((item: string) => item);

  function add(text: string) {
    const next = addToList(
      items,
      normalize
        ? text
            .split(/[,;\n\r]+/)
            .map((part) => normalize(part.trim()))
            .join(',')
        : text,
    );
    const added = next.slice(items.length);
    if (added.length) {
      onItems(next);
      setAnnouncement(`Added ${added.map(show).join(', ')}.`);
    }
    onDraft('');
  }

  function remove(index: number) {
    const item = items[index];
    if (item === undefined) return;
    onItems(items.filter((_, i) => i !== index));
    setAnnouncement(`Removed ${show(item)}.`);
    // The button that had focus is gone: put the person back in the field rather than at the top of the page.
    document.getElementById(id)?.focus();
  }

  return (
    <div class="chips-field">
      {items.length > 0 && (
        <ul class="chips" aria-label={`${label}: ${items.length} added`}>
          {items.map((item, index) => (
            <li class="chip" key={item}>
              <span>{show(item)}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${show(item)} from ${label.toLowerCase()}`}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...fieldIds(id, hint, error)}
        type="text"
        autocomplete="off"
        value={draft}
        placeholder={placeholder}
        onInput={(event) => {
          const value = event.currentTarget.value;
          const cut = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'), value.lastIndexOf('\n'));
          if (cut >= 0) {
            add(value.slice(0, cut));
            onDraft(value.slice(cut + 1).trimStart());
          } else onDraft(value);
        }}
        onKeyDown={(event) => {
          // Enter adds the typed item instead of submitting the form; with nothing typed it submits as usual.
          if (event.key === 'Enter' && draft.trim() !== '') {
            event.preventDefault();
            add(draft);
          }
        }}
        onBlur={() => {
          if (draft.trim() !== '') add(draft);
        }}
      />
      <span class="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
