import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AssessSettingsSchema, DEFAULT_SETTINGS, migrateSettings } from '../../../lib/assess/settings';

describe('settings', () => {
  it('defaults are valid and match the published figures', () => {
    expect(v.is(AssessSettingsSchema, DEFAULT_SETTINGS)).toBe(true);
    expect(DEFAULT_SETTINGS.tiers).toEqual({
      nano: 1_000,
      micro: 10_000,
      mid: 100_000,
      macro: 500_000,
      mega: 1_000_000,
    });
    expect(DEFAULT_SETTINGS.pricePer1000Followers).toEqual({ instagram: 14, tiktok: 10, youtube: 35, x: null });
    expect(DEFAULT_SETTINGS.engagement).toEqual({ window: 12, minPosts: 3 });
  });

  it('gives the defaults, without a problem, when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(migrateSettings(null).problems).toEqual([]);
  });

  it('keeps valid settings as they are', () => {
    const own = {
      ...DEFAULT_SETTINGS,
      tiers: { nano: 0, micro: 5_000, mid: 50_000, macro: 250_000, mega: 2_000_000 },
      pricePer1000Followers: { instagram: 20, tiktok: 8, youtube: 30, x: 5 },
    };
    expect(migrateSettings(own)).toEqual({ settings: own, problems: [] });
  });

  it('resets only the bad section when thresholds do not increase', () => {
    const input = {
      ...DEFAULT_SETTINGS,
      tiers: { nano: 1_000, micro: 100_000, mid: 100_000, macro: 500_000, mega: 1_000_000 },
      pricePer1000Followers: { instagram: 20, tiktok: 8, youtube: 30, x: null },
    };
    const { settings, problems } = migrateSettings(input);
    expect(settings.tiers).toEqual(DEFAULT_SETTINGS.tiers);
    expect(settings.pricePer1000Followers.instagram).toBe(20);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tiers were not valid \(.*must increase.*\); using the defaults for tiers$/);
  });

  it('rejects negative prices, a minimum above the window, and fills in missing sections silently', () => {
    const { settings, problems } = migrateSettings({
      version: 1,
      pricePer1000Followers: { instagram: -1, tiktok: 10, youtube: 35, x: null },
      engagement: { window: 3, minPosts: 5 },
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['pricePer1000Followers', 'engagement']);
  });

  it('gives the defaults with a problem for garbage, unknown and newer versions', () => {
    expect(migrateSettings('hello').problems).toEqual(['settings were not an object; using the defaults']);
    expect(migrateSettings([]).settings).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ tiers: {} }).problems[0]).toMatch(/unknown version/);
    expect(migrateSettings({ version: 99 }).problems[0]).toMatch(/newer version \(99\)/);
  });

  it('does not share the default objects with its result', () => {
    const { settings } = migrateSettings(undefined);
    settings.tiers.micro = 1;
    expect(DEFAULT_SETTINGS.tiers.micro).toBe(10_000);
  });

  it('property: whatever comes in, valid settings come out', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(v.is(AssessSettingsSchema, migrateSettings(input).settings)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          version: fc.constant(1),
          tiers: fc.dictionary(fc.constantFrom('nano', 'micro', 'mid', 'macro', 'mega'), fc.integer()),
        }),
        (input) => {
          const { settings } = migrateSettings(input);
          const t = settings.tiers;
          expect(t.nano < t.micro && t.micro < t.mid && t.mid < t.macro && t.macro < t.mega).toBe(true);
        },
      ),
    );
  });
});
