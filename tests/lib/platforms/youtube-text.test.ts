import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonObjectAt } from '../../../lib/platforms/youtube/page-data';
import { classifyHeaderTexts, countInText, exactInteger, pickViewText } from '../../../lib/platforms/youtube/text';

describe('exactInteger', () => {
  it.each([
    ['68,828 views', 'en', 68828],
    ['127.696 visualizaciones', 'es-ES', 127696],
    ['1.077.715 visualizaciones', 'es-ES', 1077715],
    ['3313 visualizaciones', 'es-ES', 3313],
    ['haz clic en Me gusta en este vídeo junto con otras 7373 personas', 'es-ES', 7373],
    ['like this video along with 7,373 other people', 'en', 7373],
    ['1,077,715 views • Apr 14, 2017', 'en', 1077715],
  ])('%s (%s) spells %d', (text, lang, value) => {
    expect(exactInteger(text, lang)).toBe(value);
  });

  it.each([
    ['7,3 K', 'es-ES'],
    ['1.2K views', 'en'],
    ['1 K', 'es-ES'],
    ['like this video', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s (%s) is not an exact count', (text, lang) => {
    expect(exactInteger(text, lang)).toBeUndefined();
  });

  it('reads any integer written with English grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(exactInteger(`${n.toLocaleString('en-US')} views`, 'en')).toBe(n);
      }),
    );
  });
});

describe('countInText', () => {
  it('keeps the whole text as shown', () => {
    expect(countInText('4,69 M de suscriptores', 'es-ES', 'visible-text', 'subscribers')).toMatchObject({
      status: 'known',
      text: '4,69 M de suscriptores',
      value: 4_690_000,
      exact: false,
    });
  });

  it('reads the count before a date in the same text', () => {
    expect(countInText('957 views 14 hours ago', 'en', 'visible-text', 'views')).toMatchObject({ value: 957 });
  });

  it('says why when there is no count', () => {
    expect(countInText('No videos', 'en', 'visible-text', 'videos')).toMatchObject({ status: 'unknown' });
    expect(countInText(undefined, 'en', 'visible-text', 'videos')).toEqual({
      status: 'unknown',
      reason: 'no videos count on this page',
    });
  });
});

describe('classifyHeaderTexts', () => {
  it('tells handle, subscribers and videos apart by their words', () => {
    expect(classifyHeaderTexts(['@OneMedia.', '6,8 K vídeos', '4,69 M de suscriptores'])).toEqual({
      handle: 'OneMedia.',
      subscribers: '4,69 M de suscriptores',
      videos: '6,8 K vídeos',
    });
  });

  it('splits parts joined by "•"', () => {
    expect(classifyHeaderTexts(['@MLB • 4.14M subscribers • 287K videos'])).toEqual({
      handle: 'MLB',
      subscribers: '4.14M subscribers',
      videos: '287K videos',
    });
  });

  it('falls back to the order subscribers · videos for unknown label words', () => {
    expect(classifyHeaderTexts(['@x', '1,2 Mio. Xyz', '300 Qrs'])).toMatchObject({
      subscribers: '1,2 Mio. Xyz',
      videos: '300 Qrs',
    });
  });

  it('does not guess what a lone unlabelled count is', () => {
    expect(classifyHeaderTexts(['@x', '300 Qrs'])).toEqual({ handle: 'x' });
  });

  it('assigns the one unlabelled count left when the other is labelled', () => {
    expect(classifyHeaderTexts(['1.65M subscribers', '3,3 Qrs'])).toEqual({
      subscribers: '1.65M subscribers',
      videos: '3,3 Qrs',
    });
  });
});

describe('pickViewText', () => {
  it.each([
    [['957 views', '14 hours ago'], '957 views'],
    [['hace 2 días', '127 K visualizaciones'], '127 K visualizaciones'],
    [['3 days ago', '45K'], '45K'],
    [['1.2K watching'], undefined],
    [['Streamed 10 days ago'], undefined],
  ])('%j → %s', (texts, view) => {
    expect(pickViewText(texts)).toBe(view);
  });
});

describe('jsonObjectAt', () => {
  it('finds the end of any embedded JSON object, whatever its strings hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (value, after) => {
        const json = JSON.stringify(value);
        const script = `var ytInitialData = ${json};${after}`;
        expect(jsonObjectAt(script, script.indexOf('{'))).toBe(json);
      }),
    );
  });

  it('gives undefined for an object that does not close', () => {
    expect(jsonObjectAt('{"a": "};', 0)).toBeUndefined();
    expect(jsonObjectAt('{"a": 1}', 0, 5)).toBeUndefined();
    expect(jsonObjectAt('x{}', 0)).toBeUndefined();
  });
});
