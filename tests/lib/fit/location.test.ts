import { describe, expect, it } from 'vitest';
import { countryOf, findLocations, flagsIn, regionName, regionNames } from '../../../lib/fit/location';
import type { PageText } from '../../../lib/fit/text';

const bio = (text: string): PageText[] => [{ field: 'bio', index: 0, text }];

describe('flags', () => {
  it('reads country flag emoji as region codes, each once', () => {
    expect(flagsIn('Madrid 🇪🇸 | London 🇬🇧 🇪🇸').map((f) => f.region)).toEqual(['ES', 'GB']);
    expect(flagsIn('no flags here 🏳️ 🏴')).toEqual([]);
  });
});

describe('countries', () => {
  it('recognises a country by its name in several languages and common short forms', () => {
    expect(countryOf('Spain')).toBe('ES');
    expect(countryOf('españa')).toBe('ES');
    expect(countryOf('Deutschland')).toBe('DE');
    expect(countryOf('USA')).toBe('US');
    expect(countryOf('U.S.')).toBe('US');
    expect(countryOf('UK')).toBe('GB');
    expect(countryOf('Turkey')).toBe('TR');
  });

  it('does not read cities, regions or bare two-letter codes as countries', () => {
    expect(countryOf('Madrid')).toBeUndefined();
    expect(countryOf('LATAM')).toBeUndefined();
    expect(countryOf('LA')).toBeUndefined();
    expect(countryOf('Europe')).toBeUndefined();
  });

  it('names regions in English first', () => {
    expect(regionName('es')).toBe('Spain');
    expect(regionNames('ES')).toContain('España');
    expect(regionName('XA')).toBeUndefined();
  });
});

describe('findLocations', () => {
  it('finds a location as a word, under another name of its country, or by flag', () => {
    expect(findLocations(['Madrid'], bio('Living in Madrid')).matches[0]?.places[0]?.shown).toBe('Madrid');
    expect(findLocations(['Spain'], bio('Desde España con amor')).matches[0]?.places[0]?.shown).toBe('España');
    const byFlag = findLocations(['Spain'], bio('Ana 🇪🇸'));
    expect(byFlag.matches[0]?.flags.map((f) => f.emoji)).toEqual(['🇪🇸']);
  });

  it('reports other flags and which campaign locations are countries', () => {
    const r = findLocations(['Spain', 'LATAM'], bio('Paris 🇫🇷'));
    expect(r.matches).toEqual([]);
    expect(r.flags.map((f) => f.region)).toEqual(['FR']);
    expect([...r.countries.entries()]).toEqual([['Spain', 'ES']]);
  });

  it('does not take "us" the pronoun for the United States', () => {
    expect(findLocations(['USA'], bio('Follow us for daily recipes')).matches).toEqual([]);
    expect(findLocations(['USA'], bio('Chef based in the US')).matches).toHaveLength(1);
  });
});
