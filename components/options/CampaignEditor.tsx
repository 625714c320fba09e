import { useEffect, useRef, useState } from 'preact/hooks';
import { OBJECTIVES, TIERS, type Campaign, type Objective } from '../../lib/campaign';
import { PLATFORMS } from '../../lib/reading';
import type { TierThresholds } from '../../lib/assess/settings';
import { tierRanges } from '../../lib/assess/tier';
import {
  CAMPAIGN_FIELD_ORDER,
  WEIGHTED_CRITERIA,
  type CampaignField,
  type CampaignForm,
  type CampaignFormErrors,
} from '../../lib/campaigns/form';
import { addToList } from '../../lib/campaigns/lists';
import { languageLabel, languageTag } from '../../lib/campaigns/languages';
import { OBJECTIVE_LABELS } from '../../lib/campaigns/summary';
import { TIER_LABELS } from '../../lib/options/settings-form';
import { CRITERION_LABELS, OBJECTIVE_WEIGHTS } from '../../lib/fit';
import { PLATFORM_LABELS } from '../format';
import { ChipsInput } from './ChipsInput';
import { Field, FieldError, StatusLine, fieldIds, type Status } from './Field';

/** What saving the form came to: saved, or why not (by field, or one message for the whole form). */
export type CampaignSaveOutcome =
  { ok: true; message: string } | { ok: false; message: string; errors?: CampaignFormErrors };

interface Props {
  /** The campaign being edited; undefined for a new one. */
  campaign: Campaign | undefined;
  initial: CampaignForm;
  isActive: boolean;
  thresholds: TierThresholds;
  onSave(form: CampaignForm, makeActive: boolean): Promise<CampaignSaveOutcome>;
  onCancel(): void;
}

const OBJECTIVE_HINTS: Record<Objective, string> = {
  awareness: 'Reach: audience size counts most, then language.',
  traffic: 'Clicks: engagement, niche and size count equally.',
  sales: 'Purchases: engagement and niche count most.',
};

type ListField = 'keywords' | 'avoidKeywords' | 'languages' | 'locations';
const LIST_FIELDS: ListField[] = ['keywords', 'avoidKeywords', 'languages', 'locations'];
const noDrafts = (): Record<ListField, string> => ({ keywords: '', avoidKeywords: '', languages: '', locations: '' });

/** The element id of a form field. */
export function campaignFieldId(field: CampaignField): string {
  return `campaign-${field.replace('.', '-')}`;
}

/**
 * The campaign form. Errors come back from `onSave` and are shown next to their fields, the first one focused;
 * nothing is saved while any remains.
 */
export function CampaignEditor({ campaign, initial, isActive, thresholds, onSave, onCancel }: Props) {
  const [form, setForm] = useState(initial);
  const [drafts, setDrafts] = useState(noDrafts);
  const [makeActive, setMakeActive] = useState(!campaign);
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const title = campaign ? `Edit “${campaign.name}”` : 'New campaign';

  useEffect(() => {
    document.getElementById(campaignFieldId('name'))?.focus();
  }, []);

  const set = <K extends keyof CampaignForm>(key: K, value: CampaignForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    // Text typed in a list field but not yet added as a chip is part of what the person meant to save.
    const final: CampaignForm = { ...form };
    for (const key of LIST_FIELDS) {
      const draft = key === 'languages' ? (languageTag(drafts[key]) ?? drafts[key]) : drafts[key];
      final[key] = addToList(form[key], draft);
    }
    setForm(final);
    setDrafts(noDrafts());
    setSaving(true);
    const outcome = await onSave(final, makeActive && !isActive).finally(() => setSaving(false));
    if (outcome.ok) return; // the page closes the editor and says so
    setErrors(outcome.errors ?? {});
    setStatus({ kind: 'error', text: outcome.message });
    const first = CAMPAIGN_FIELD_ORDER.find((field) => outcome.errors?.[field]);
    if (first) root.current?.querySelector<HTMLElement>(`#${campaignFieldId(first)}`)?.focus();
  }

  const text = (field: Exclude<CampaignField, `weights.${string}`>, key: keyof CampaignForm) => ({
    ...fieldIds(campaignFieldId(field), hasHint(field), errors[field]),
    type: 'text' as const,
    value: form[key] as string,
    onInput: (event: Event) => set(key, (event.currentTarget as HTMLInputElement).value as never),
  });

  const defaults = OBJECTIVE_WEIGHTS[form.objective];
  const effective = WEIGHTED_CRITERIA.map((id) => {
    const typed = Number((form.weights[id] ?? '').replace(',', '.'));
    return (form.weights[id] ?? '').trim() !== '' && Number.isFinite(typed) ? typed : defaults[id];
  });
  const ranges = tierRanges(thresholds);

  return (
    <form class="card editor" ref={root} onSubmit={submit} aria-labelledby="editor-title" noValidate>
      <h3 id="editor-title">{title}</h3>

      <Field id={campaignFieldId('name')} label="Name" error={errors.name}>
        <input {...text('name', 'name')} autocomplete="off" maxLength={400} />
      </Field>

      <fieldset class="group">
        <legend>Objective</legend>
        <p class="hint">Sets how much each criterion counts toward the fit score.</p>
        <div class="choices">
          {OBJECTIVES.map((objective) => (
            <label class="choice" key={objective}>
              <input
                type="radio"
                name="objective"
                value={objective}
                checked={form.objective === objective}
                onChange={() => set('objective', objective)}
                aria-describedby={`objective-${objective}-hint`}
              />
              <span>
                {OBJECTIVE_LABELS[objective]}
                <span class="choice-hint" id={`objective-${objective}-hint`}>
                  {OBJECTIVE_HINTS[objective]}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset class="group">
        <legend>Weights</legend>
        <p class="hint" id="weights-hint">
          Points each criterion is worth for {OBJECTIVE_LABELS[form.objective].toLowerCase()}. Leave a box empty to use
          the default. The score is points earned ÷ points possible over the criteria this campaign sets, so they need
          not add up to 100. The defaults are Creator Scout’s own judgement, not a published model.
        </p>
        <table class="weights">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Default</th>
              <th scope="col">Your weight (0–100)</th>
            </tr>
          </thead>
          <tbody>
            {WEIGHTED_CRITERIA.map((id, i) => {
              const field = `weights.${id}` as const;
              const domId = campaignFieldId(field);
              return (
                <tr key={id}>
                  <th scope="row">
                    <label for={domId}>{CRITERION_LABELS[id]}</label>
                  </th>
                  <td class="num" id={`${domId}-default`}>
                    {defaults[id]}
                  </td>
                  <td>
                    <input
                      id={domId}
                      class="narrow"
                      type="text"
                      inputMode="decimal"
                      autocomplete="off"
                      value={form.weights[id] ?? ''}
                      aria-invalid={errors[field] ? 'true' : undefined}
                      aria-describedby={[`${domId}-default`, errors[field] ? `${domId}-error` : '']
                        .filter(Boolean)
                        .join(' ')}
                      onInput={(event) => set('weights', { ...form.weights, [id]: event.currentTarget.value })}
                    />
                    {effective[i] !== defaults[id] && <span class="note"> (changed)</span>}
                    <FieldError id={domId} error={errors[field]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{WEIGHTED_CRITERIA.reduce((sum, id) => sum + defaults[id], 0)}</td>
              <td class="num">{Math.round(effective.reduce((a, b) => a + b, 0) * 10) / 10}</td>
            </tr>
          </tfoot>
        </table>
      </fieldset>

      <fieldset class="group">
        <legend>Platforms</legend>
        <p class="hint">None ticked means any platform.</p>
        <div class="choices inline">
          {PLATFORMS.map((platform) => (
            <label class="choice" key={platform}>
              <input
                type="checkbox"
                checked={form.platforms.includes(platform)}
                onChange={(event) => set('platforms', toggle(form.platforms, platform, event.currentTarget.checked))}
              />
              <span>{PLATFORM_LABELS[platform]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset class="group">
        <legend>Size</legend>
        <p class="hint">
          Preferred tiers, a follower range, or both. Nothing set means any size. Tier ranges follow your assessment
          settings below.
        </p>
        <div class="choices inline">
          {TIERS.map((tier, i) => (
            <label class="choice" key={tier}>
              <input
                type="checkbox"
                checked={form.tiers.includes(tier)}
                onChange={(event) => set('tiers', toggle(form.tiers, tier, event.currentTarget.checked))}
              />
              <span>
                {TIER_LABELS[tier]} <span class="choice-hint inline-hint">{ranges[i]?.text}</span>
              </span>
            </label>
          ))}
        </div>
        <div class="row">
          <Field id={campaignFieldId('minFollowers')} label="Minimum followers" error={errors.minFollowers}>
            <input {...text('minFollowers', 'minFollowers')} inputMode="numeric" placeholder="e.g. 10K" />
          </Field>
          <Field id={campaignFieldId('maxFollowers')} label="Maximum followers" error={errors.maxFollowers}>
            <input {...text('maxFollowers', 'maxFollowers')} inputMode="numeric" placeholder="e.g. 250K" />
          </Field>
        </div>
      </fieldset>

      <Field
        id={campaignFieldId('minEngagementPercent')}
        label="Minimum engagement rate (%)"
        hint="In percent: 2 means 2% of followers engage with a typical post. Empty means no minimum."
        error={errors.minEngagementPercent}
      >
        <span class="affix">
          <input {...text('minEngagementPercent', 'minEngagementPercent')} class="narrow" inputMode="decimal" />
          <span aria-hidden="true">%</span>
        </span>
      </Field>

      <ListField
        field="keywords"
        label="Niche keywords"
        hint="Words to look for in the bio and captions. Separate with commas or press Enter."
        placeholder="e.g. travel, food"
        {...{ form, drafts, errors, setForm, setDrafts }}
      />
      <ListField
        field="avoidKeywords"
        label="Words to avoid"
        hint="Finding one of these on the page rules the creator out."
        placeholder="e.g. casino"
        {...{ form, drafts, errors, setForm, setDrafts }}
      />
      <ListField
        field="languages"
        label="Audience languages"
        hint="A code (es, pt-BR) or an English name (Spanish). Empty means any language."
        display={languageLabel}
        normalize={(item) => languageTag(item) ?? item}
        {...{ form, drafts, errors, setForm, setDrafts }}
      />
      <ListField
        field="locations"
        label="Audience locations"
        hint="Countries, cities or regions, matched against what the bio says."
        placeholder="e.g. Spain, Madrid"
        {...{ form, drafts, errors, setForm, setDrafts }}
      />

      <Field
        id={campaignFieldId('budgetPerPost')}
        label="Budget per post (USD)"
        hint="Compared with the estimated price of a post. Empty means no budget."
        error={errors.budgetPerPost}
      >
        <span class="affix">
          <span aria-hidden="true">$</span>
          <input {...text('budgetPerPost', 'budgetPerPost')} class="narrow" inputMode="decimal" />
        </span>
      </Field>

      {isActive ? (
        <p class="note">This is the active campaign: one-click saves go here.</p>
      ) : (
        <label class="choice">
          <input
            type="checkbox"
            checked={makeActive}
            onChange={(event) => setMakeActive(event.currentTarget.checked)}
          />
          <span>Make it the active campaign (one-click saves go here)</span>
        </label>
      )}

      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {campaign ? 'Save changes' : 'Save campaign'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}

function hasHint(field: CampaignField): boolean {
  return ['minEngagementPercent', 'budgetPerPost', ...LIST_FIELDS].includes(field);
}

interface ListFieldProps {
  field: ListField;
  label: string;
  hint: string;
  placeholder?: string;
  display?: (item: string) => string;
  normalize?: (item: string) => string;
  form: CampaignForm;
  drafts: Record<ListField, string>;
  errors: CampaignFormErrors;
  setForm: (update: (f: CampaignForm) => CampaignForm) => void;
  setDrafts: (update: (d: Record<ListField, string>) => Record<ListField, string>) => void;
}

function ListField({
  field,
  label,
  hint,
  placeholder,
  display,
  normalize,
  form,
  drafts,
  errors,
  setForm,
  setDrafts,
}: ListFieldProps) {
  const id = campaignFieldId(field);
  return (
    <Field id={id} label={label} hint={hint} error={errors[field]}>
      <ChipsInput
        id={id}
        label={label}
        items={form[field]}
        draft={drafts[field]}
        onItems={(items) => setForm((f) => ({ ...f, [field]: items }))}
        onDraft={(draft) => setDrafts((d) => ({ ...d, [field]: draft }))}
        display={display}
        normalize={normalize}
        hint
        error={errors[field]}
        placeholder={placeholder}
      />
    </Field>
  );
}
