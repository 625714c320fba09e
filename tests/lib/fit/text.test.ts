import { describe, expect, it } from 'vitest';
import { describePlaces, findTerms, fold, pageTexts, type PageText } from '../../../lib/fit/text';

const bio = (text: string): PageText[] => [{ field: 'bio', index: 0, text }];
const found = (terms: string[], text: string) => findTerms(terms, bio(text)).map((m) => m.term);
const shown = (term: string, text: string) => findTerms([term], bio(text))[0]?.places[0]?.shown;

describe('fold', () => {
  it('lower-cases and removes accents, including letters NFKD leaves alone', () => {
    expect(fold('Café CRÈME')).toBe('cafe creme');
    expect(fold('Straße København Łódź')).toBe('strasse kobenhavn lodz');
    expect(fold('İstanbul')).toBe('istanbul');
    expect(fold('ｔｒａｖｅｌ')).toBe('travel');
  });
});

describe('findTerms', () => {
  it('is case- and accent-insensitive both ways', () => {
    expect(found(['cafe'], 'Best CAFÉ in town')).toEqual(['cafe']);
    expect(found(['Café'], 'best cafe in town')).toEqual(['Café']);
    expect(found(['MÚSICA'], 'música en vivo')).toEqual(['MÚSICA']);
  });

  it('matches whole words only', () => {
    expect(found(['travel'], 'travelling the world')).toEqual([]);
    expect(found(['art'], 'a smart heart')).toEqual([]);
    expect(found(['art'], 'street art, daily')).toEqual(['art']);
    expect(found(['travel'], 'Travel.')).toEqual(['travel']);
  });

  it('matches hashtags, in text or listed, and camelCase or snake_case words inside them', () => {
    expect(shown('travel', 'Off we go #travel')).toBe('#travel');
    expect(shown('travel', 'Off we go #TravelTips')).toBe('#TravelTips');
    expect(shown('travel', 'Off we go #travel_tips')).toBe('#travel_tips');
    expect(found(['travel'], 'Off we go #travelgram')).toEqual([]);
    expect(shown('#travel', 'I love to travel')).toBe('travel');
    const listed = pageTexts({ captions: [], hashtags: ['Viajes', '#food'] });
    expect(findTerms(['viajes', 'food'], listed).map((m) => m.places[0]?.shown)).toEqual(['#Viajes', '#food']);
  });

  it('matches multi-word phrases across spaces, hyphens and in joined hashtags, not across sentences', () => {
    expect(shown('street food', 'Best street  food ever')).toBe('street  food');
    expect(shown('street food', 'Best Street-Food ever')).toBe('Street-Food');
    expect(shown('street food', 'Best #streetfood ever')).toBe('#streetfood');
    expect(shown('street food', 'Best #StreetFoodLover ever')).toBe('#StreetFoodLover');
    expect(found(['street food'], 'Down the street. Food later')).toEqual([]);
    expect(found(['street food'], 'street foods')).toEqual([]);
  });

  it('matches short all-capital terms (acronyms) with their case in text, but not in hashtags', () => {
    expect(found(['US'], 'join us today')).toEqual([]);
    expect(found(['US'], 'based in the US')).toEqual(['US']);
    expect(found(['NYC'], 'life in #nyc')).toEqual(['NYC']);
    expect(found(['us'], 'join us today')).toEqual(['us']);
  });

  it('finds terms in scripts without spaces as substrings', () => {
    expect(found(['ラーメン'], '今日は東京でラーメンを食べました')).toEqual(['ラーメン']);
    expect(found(['寿司'], '今日は東京でラーメンを食べました')).toEqual([]);
  });

  it('skips links and @mentions: they are not what this creator writes', () => {
    expect(found(['travel'], 'see https://example.com/travel and @travel_daily')).toEqual([]);
  });

  it('lists every place a term was found, once per text', () => {
    const texts = pageTexts({
      displayName: 'Ana Travel',
      bio: 'travel and more travel',
      captions: ['no', 'a #travel day', 'travel again'],
      hashtags: ['travel'],
    });
    const [m] = findTerms(['travel'], texts);
    expect(m?.places.map((p) => `${p.field}:${p.index}`)).toEqual([
      'name:0',
      'bio:0',
      'caption:1',
      'caption:2',
      'hashtag:0',
    ]);
    expect(describePlaces(m?.places ?? [], 3)).toBe('bio, name, 2 of 3 captions, #travel');
  });

  it('ignores blank terms and returns nothing for no texts', () => {
    expect(findTerms(['', '  ', '#', '...'], bio('anything at all'))).toEqual([]);
    expect(findTerms(['travel'], [])).toEqual([]);
  });
});
