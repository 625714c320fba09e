import { describe, expect, it } from 'vitest';
import { checkLanguages, languageLabel, languageTag } from '../../../lib/campaigns/languages';

describe('languageTag', () => {
  it('reads codes in any case or separator as canonical BCP 47 tags', () => {
    expect(languageTag('es')).toBe('es');
    expect(languageTag('EN')).toBe('en');
    expect(languageTag('pt-br')).toBe('pt-BR');
    expect(languageTag('pt_BR')).toBe('pt-BR');
    expect(languageTag('zh-hant-tw')).toBe('zh-Hant-TW');
  });

  it('reads English language names', () => {
    expect(languageTag('Spanish')).toBe('es');
    expect(languageTag(' portuguese ')).toBe('pt');
    expect(languageTag('Japanese')).toBe('ja');
  });

  it('refuses what is not a language', () => {
    for (const text of ['', 'qq', 'xyz', 'Spanglish', 'es--ES', '12']) expect(languageTag(text), text).toBeUndefined();
  });
});

describe('languageLabel', () => {
  it('names the language beside its tag', () => {
    expect(languageLabel('es')).toBe('Spanish (es)');
    expect(languageLabel('pt-BR')).toBe('Brazilian Portuguese (pt-BR)');
  });
});

describe('checkLanguages', () => {
  it('gives canonical tags, each once', () => {
    expect(checkLanguages(['Spanish', 'es', 'pt-br'])).toEqual({ ok: true, value: ['es', 'pt-BR'] });
    expect(checkLanguages([])).toEqual({ ok: true, value: [] });
  });

  it('names the first entry that is not a language', () => {
    const r = checkLanguages(['es', 'Klingonese', 'xyz']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^"Klingonese" is not a language/);
  });
});
