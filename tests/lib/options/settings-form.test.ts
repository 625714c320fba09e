import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AssessSettingsSchema, DEFAULT_SETTINGS, type AssessSettings } from '../../../lib/assess/settings';
import {
  SETTINGS_DEFAULTS,
  SETTINGS_FIELD_ORDER,
  formToSettings,
  settingsToForm,
  type SettingsForm,
} from '../../../lib/options/settings-form';

const custom: AssessSettings = {
  ...structuredClone(DEFAULT_SETTINGS),
  engagement: { window: 9, minPosts: 2 },
};

function patched(patch: (f: SettingsForm) => void): SettingsForm {
  const f = settingsToForm(DEFAULT_SETTINGS);
  patch(f);
  return f;
}

describe('settingsToForm', () => {
  it('shows thresholds and rates as plain numbers, and no estimate as blank', () => {
    expect(settingsToForm(DEFAULT_SETTINGS)).toEqual({
      tiers: { nano: '1000', micro: '10000', mid: '100000', macro: '500000', mega: '1000000' },
      prices: { instagram: '14', tiktok: '10', youtube: '35', x: '' },
    });
  });
});

describe('formToSettings', () => {
  it('reads back the settings it showed, keeping the parts it does not show', () => {
    expect(formToSettings(settingsToForm(custom), custom)).toEqual({ ok: true, settings: custom });
  });

  it('accepts 10K-style thresholds and a rate for X', () => {
    const r = formToSettings(
      patched((f) => {
        f.tiers.micro = '5K';
        f.prices.x = '2.5';
      }),
      custom,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.tiers.micro).toBe(5000);
    expect(r.settings.pricePer1000Followers.x).toBe(2.5);
    expect(r.settings.engagement).toEqual(custom.engagement);
    expect(v.safeParse(AssessSettingsSchema, r.settings).success).toBe(true);
  });

  it('a blank rate means no estimate', () => {
    const r = formToSettings(
      patched((f) => {
        f.prices.youtube = ' ';
      }),
      custom,
    );
    expect(r.ok && r.settings.pricePer1000Followers.youtube).toBeNull();
  });

  it('says which threshold breaks the rising order, and saves nothing', () => {
    const r = formToSettings(
      patched((f) => {
        f.tiers.mid = '5000';
      }),
      custom,
    );
    expect(r).toEqual({
      ok: false,
      errors: { 'tiers.mid': 'Must be more than micro (10,000): tiers rise from nano to mega.' },
    });
  });

  it('requires every threshold and refuses rates out of range or not numbers', () => {
    const r = formToSettings(
      patched((f) => {
        f.tiers.nano = '';
        f.tiers.mega = 'lots';
        f.prices.instagram = '-1';
        f.prices.tiktok = '200000';
      }),
      custom,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['prices.instagram', 'prices.tiktok', 'tiers.mega', 'tiers.nano']);
    expect(r.errors['tiers.nano']).toBe('Enter the lowest follower count of nano.');
    expect(r.errors['prices.tiktok']).toBe('A price per 1,000 followers must be between 0 and 100,000.');
  });
});

describe('SETTINGS_DEFAULTS', () => {
  it('gives every field its published default and a source', () => {
    for (const field of SETTINGS_FIELD_ORDER) {
      const { source } = SETTINGS_DEFAULTS[field];
      expect(source.length, field).toBeGreaterThan(10);
    }
    expect(SETTINGS_DEFAULTS['tiers.micro']).toEqual({ value: 10_000, source: 'Later × Fohr 2021 (micro 10K–100K)' });
    expect(SETTINGS_DEFAULTS['prices.youtube'].value).toBe(35);
    expect(SETTINGS_DEFAULTS['prices.x'].value).toBeNull();
  });
});
