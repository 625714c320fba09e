import { describe, expect, it } from 'vitest';
import { baseLanguage, guessTextLanguage, languageName, sameBaseLanguage } from '../../../lib/fit/language';

describe('BCP 47 base matching', () => {
  it('compares base languages only', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
    expect(baseLanguage('ES_es')).toBe('es');
    expect(sameBaseLanguage('es', 'es-ES')).toBe(true);
    expect(sameBaseLanguage('es-MX', 'es-ES')).toBe(true);
    expect(sameBaseLanguage('es', 'en')).toBe(false);
    expect(sameBaseLanguage('', '')).toBe(false);
  });

  it('names languages in English', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('not a tag!')).toBe('not a tag!');
  });
});

describe('guessTextLanguage', () => {
  const samples: Array<[string, string]> = [
    ['en', 'This is my life and I love it so much, thanks for all the support'],
    ['es', 'Hola a todos, hoy estoy en la playa con mis amigos y la comida es muy buena. Gracias por todo'],
    ['pt', 'Olá pessoal, hoje estou na praia com meus amigos e a comida é muito boa. Obrigado por tudo'],
    ['fr', "Bonjour à tous, aujourd'hui je suis à la plage avec mes amis et c'est super. Merci pour tout"],
    ['it', 'Ciao a tutti, oggi sono al mare con i miei amici e il cibo è molto buono. Grazie di tutto'],
    ['de', 'Hallo zusammen, heute bin ich am Strand mit meinen Freunden und das Essen ist sehr gut. Danke'],
    ['nl', 'Hallo allemaal, vandaag ben ik op het strand met mijn vrienden en het eten is heel lekker. Bedankt'],
    ['ru', 'Привет всем! Сегодня я в Москве, и это очень красиво. Спасибо за все'],
    ['uk', 'Привіт! Це мій блог про подорожі і їжу, дякую всім'],
    ['ja', '今日は東京で美味しいラーメンを食べました'],
    ['ko', '오늘은 서울에서 맛있는 음식을 먹었어요'],
    ['zh', '今天在北京吃了很好吃的烤鸭和饺子'],
    ['el', 'Καλημέρα σε όλους από την Αθήνα'],
  ];
  it.each(samples)('recognises %s', (lang, text) => {
    expect(guessTextLanguage([text]).languages).toEqual([lang]);
  });

  it('says nothing for too little text or a language it does not know', () => {
    expect(guessTextLanguage(['hola']).languages).toEqual([]);
    expect(guessTextLanguage(['hola']).evidence).toMatch(/too little text/);
    const swedish = guessTextLanguage([
      'Hej allihopa, idag är jag på stranden med mina vänner och maten är väldigt god',
    ]);
    expect(swedish.languages).toEqual([]);
    expect(swedish.script).toBeUndefined();
  });

  it('names only the script when several languages share it', () => {
    const g = guessTextLanguage(['مرحبا بكم في مدونتي عن السفر والطعام']);
    expect(g.languages).toEqual([]);
    expect(g.script?.name).toBe('Arabic script');
    expect(g.script?.languages).toContain('ar');
    expect(g.script?.languages).toContain('fa');
  });

  it('ignores hashtags, mentions and links', () => {
    const g = guessTextLanguage(['#the #and #this #is #my #love @the_and_my https://the.and/is/my/life']);
    expect(g.languages).toEqual([]);
  });

  it('finds two languages in bilingual captions, each with words of its own', () => {
    const g = guessTextLanguage([
      'Today we went to the market and the food was amazing, thank you all for the love',
      'Hoy fuimos al mercado y la comida estaba muy rica, gracias a todos por el cariño, nuestro día favorito',
    ]);
    expect(g.languages.sort()).toEqual(['en', 'es']);
  });

  it('does not call Spanish text bilingual because it shares words with Portuguese and Italian', () => {
    const g = guessTextLanguage([
      'Que bonita es la vida con una familia para todo, con amor y con la gente que quiero',
    ]);
    expect(g.languages).toEqual(['es']);
  });
});
