import { useEffect, useRef, useState } from 'preact/hooks';
import { TIERS } from '../../lib/campaign';
import type { AssessSettings } from '../../lib/assess/settings';
import {
  PRICE_PLATFORMS,
  SETTINGS_DEFAULTS,
  SETTINGS_FIELD_ORDER,
  TIER_LABELS,
  settingsToForm,
  type SettingsField,
  type SettingsForm,
  type SettingsFormErrors,
} from '../../lib/options/settings-form';
import { PLATFORM_LABELS } from '../format';
import { FieldError, StatusLine, type Status } from './Field';

/** What saving or resetting came to. */
export type SettingsOutcome =
  { ok: true; message: string } | { ok: false; message: string; errors?: SettingsFormErrors };

interface Props {
  settings: AssessSettings;
  /** What was wrong with the stored settings when they were loaded (those parts use the defaults). */
  problems: string[];
  onSave(form: SettingsForm): Promise<SettingsOutcome>;
  onReset(): Promise<SettingsOutcome>;
}

/** The element id of a settings field. */
export function settingsFieldId(field: SettingsField): string {
  return `settings-${field.replace('.', '-')}`;
}

const integer = (n: number) => n.toLocaleString('en-US');

/**
 * Tier thresholds and price rates, each with its published default and that default's source beside it, and
 * "Reset to defaults".
 */
export function SettingsEditor({ settings, problems, onSave, onReset }: Props) {
  const [form, setForm] = useState(() => settingsToForm(settings));
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLFormElement>(null);

  // New settings from the page (after a save or a reset) replace what the form shows.
  useEffect(() => setForm(settingsToForm(settings)), [settings]);

  async function run(action: () => Promise<SettingsOutcome>) {
    if (busy) return;
    setBusy(true);
    const outcome = await action().finally(() => setBusy(false));
    setErrors(outcome.ok ? {} : (outcome.errors ?? {}));
    setStatus({ kind: outcome.ok ? 'ok' : 'error', text: outcome.message });
    const first = outcome.ok ? undefined : SETTINGS_FIELD_ORDER.find((field) => outcome.errors?.[field]);
    if (first) root.current?.querySelector<HTMLElement>(`#${settingsFieldId(first)}`)?.focus();
  }

  const row = (field: SettingsField, label: string, value: string, onInput: (value: string) => void, unit: string) => {
    const id = settingsFieldId(field);
    const { value: published, source } = SETTINGS_DEFAULTS[field];
    const error = errors[field];
    return (
      <div class={`setting-row${error ? ' field-invalid' : ''}`} key={field}>
        <label for={id}>{label}</label>
        <span class="setting-input">
          {unit === '$' && <span aria-hidden="true">$</span>}
          <input
            id={id}
            type="text"
            class="narrow"
            inputMode={unit === '$' ? 'decimal' : 'numeric'}
            autocomplete="off"
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={[`${id}-default`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        </span>
        <p class="setting-default" id={`${id}-default`}>
          {published === null ? (
            <>No published default; empty means no estimate. </>
          ) : (
            <>Default {unit === '$' ? `$${integer(published)}` : integer(published)}. </>
          )}
          <span class="source">Source: {source}</span>
        </p>
        <FieldError id={id} error={error} />
      </div>
    );
  };

  return (
    <form
      class="card"
      ref={root}
      noValidate
      aria-labelledby="settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => onSave(form));
      }}
    >
      <h2 id="settings-title">Assessment settings</h2>
      {problems.length > 0 && (
        <div class="notice" role="note">
          <p>Some saved settings could not be used, so their defaults apply:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset class="group">
        <legend>Tier thresholds</legend>
        <p class="hint">The lowest follower count of each tier. Each must be higher than the one before.</p>
        {TIERS.map((tier) =>
          row(
            `tiers.${tier}`,
            TIER_LABELS[tier],
            form.tiers[tier],
            (value) => setForm((f) => ({ ...f, tiers: { ...f.tiers, [tier]: value } })),
            'followers',
          ),
        )}
      </fieldset>
      <fieldset class="group">
        <legend>Price per 1,000 followers (USD, one post)</legend>
        <p class="hint">Used for the estimated price of a post. Empty means no estimate for that platform.</p>
        {PRICE_PLATFORMS.map((platform) =>
          row(
            `prices.${platform}`,
            PLATFORM_LABELS[platform],
            form.prices[platform],
            (value) => setForm((f) => ({ ...f, prices: { ...f.prices, [platform]: value } })),
            '$',
          ),
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Save settings
        </button>
        <button type="button" disabled={busy} onClick={() => void run(onReset)}>
          Reset to defaults
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
