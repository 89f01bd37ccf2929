import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_TABLE, statusWords } from '../connectionStatus/statusTable';
import { LOCALES } from './allLocales';
import type { MessageKey } from './en';
import { plural } from './plural';
import { createTranslator } from './translate';

const catalogs = Object.entries(LOCALES);
const en = LOCALES.en;
const keys = Object.keys(en) as MessageKey[];
const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const CATALOG_FILES = new Set(
  ['en', 'es', 'frCA'].flatMap((locale) => [`i18n/${locale}.ts`, `i18n/${locale}Later.ts`]),
);
const sources = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('one register per locale', () => {
  // informal second person; the catalogs address the user formally (usted, vous)
  const INFORMAL: Record<string, RegExp> = {
    // pronouns and verb forms only tú has, anywhere; an imperative that is also a third person
    // ("busca": "he searches") only at the start of a sentence
    es: new RegExp(
      String.raw`(?<![\p{L}])(tu|tus|ti|te|contigo|puedes|quieres|debes|inténtalo|cuéntanos|contáctanos|olvidaste|conectaste|elegiste|escribiste|termines|ciérrala|verificarte)(?![\p{L}])` +
        String.raw`|(^|[.!?¿¡:;]\s*)(ingresa|introduce|selecciona|elige|intenta|revisa|busca|escribe|vuelve|conecta|actualiza|espera|sigue|lleva|verifica|responde|cierra|inicia|usa|corrige)(?![\p{L}])`,
      'iu',
    ),
    'fr-CA': /(?<![\p{L}])(tu|ton|ta|tes|toi|te|t’|t')(?![\p{L}])/iu,
  };
  const FORMAL: Record<string, RegExp> = {
    es: /(?<![\p{L}])(usted|su|sus|puede|inténtelo|elija|escriba)(?![\p{L}])/iu,
    'fr-CA': /(?<![\p{L}])(vous|votre|vos)(?![\p{L}])/iu,
  };

  it.each(Object.keys(INFORMAL))('%s never mixes in the informal form', (locale) => {
    const catalog = LOCALES[locale as keyof typeof LOCALES];
    const informal = keys.filter((key) => INFORMAL[locale]?.test(catalog[key]));
    expect(informal.map((key) => `${key}: ${catalog[key]}`)).toEqual([]);
    expect(keys.filter((key) => FORMAL[locale]?.test(catalog[key])).length).toBeGreaterThan(50);
  });

  it('the check itself finds a mix', () => {
    expect(INFORMAL.es?.test('Inténtalo de nuevo')).toBe(true);
    expect(INFORMAL.es?.test('Busca tu banco')).toBe(true);
    expect(INFORMAL.es?.test('Su banco usa su propia página')).toBe(false);
    expect(INFORMAL['fr-CA']?.test('Entre ton mot de passe')).toBe(true);
    expect(INFORMAL['fr-CA']?.test('Entrez votre mot de passe, puis cette étape')).toBe(false);
  });
});

describe('every count goes through Intl.PluralRules', () => {
  const PLURAL_FORM = /\.(zero|one|two|few|many|other)$/;

  it.each(catalogs)('%s: a message with a number placeholder is a plural form', (_name, catalog) => {
    const counting = keys.filter((key) => /\{(count|seconds|n|total)\}/.test(catalog[key]));
    expect(counting.filter((key) => !PLURAL_FORM.test(key))).toEqual([]);
    // and no count written into a word the rules would change ("1 institutions")
    expect(keys.filter((key) => /\{count\}\s+\p{L}+s\b/u.test(catalog[key]) && key.endsWith('.one'))).toEqual([]);
  });

  it.each([
    ['en', 'search.resultCount', 1, '1 institution found'],
    ['en', 'search.resultCount', 0, '0 institutions found'],
    ['fr-CA', 'search.resultCount', 0, '0 institution trouvée'],
    ['es', 'search.resultCount', 1, '1 institución encontrada'],
    ['en', 'retryWait', 1, 'Too many attempts: try again in 1 second.'],
    ['es', 'retryWait', 2, 'Demasiados intentos: vuelva a intentarlo en 2 segundos.'],
    ['en', 'search.resultCount', 1234, '1,234 institutions found'],
  ] as const)('%s %s %d → %s', (locale, base, count, text) => {
    expect(plural(createTranslator(LOCALES[locale]), locale, base, count)).toBe(text);
  });

  it('the code never picks a plural form itself', () => {
    const direct = sources.filter(
      ({ path, text }) =>
        !CATALOG_FILES.has(path) && path !== 'i18n/plural.ts' && /['"`][\w.]+\.(one|other|many)['"`]/.test(text),
    );
    expect(direct.map((s) => s.path)).toEqual([]);
  });
});

describe('the partner’s name, or words that need none', () => {
  it.each(catalogs)('%s: every message naming {client} has a phrasing without it', (_name, catalog) => {
    for (const key of keys.filter((k) => en[k].includes('{client}'))) {
      const bare = `${key}.noClient`;
      expect(bare in catalog, bare).toBe(true);
      expect(catalog[bare as MessageKey]).not.toContain('{client}');
    }
  });

  it('the code fills {client} only through useClientText', () => {
    const direct = sources.filter(
      ({ path, text }) =>
        path !== 'i18n/clientText.ts' && /client_name\s*\?\?|\bt\(\s*['`][^'`]+['`],\s*\{[^}]*\bclient\b/.test(text),
    );
    expect(direct.map((s) => s.path)).toEqual([]);
  });
});

describe('status words', () => {
  const CREDENTIAL_WORDS = /credential|credencial|identifiant/i;

  it.each(catalogs)('%s: a message about credentials has OAuth wording that speaks of none', (_name, catalog) => {
    for (const row of STATUS_TABLE) {
      const { message } = statusWords(row, true);
      // an OAuth member never answers MFA questions nor types credentials here
      expect(catalog[message], `${row.name ?? 'manual'} after OAuth`).not.toMatch(CREDENTIAL_WORDS);
      expect(catalog[statusWords(row, true).heading]).not.toMatch(CREDENTIAL_WORDS);
    }
  });

  it('heading and message come from one row: a connected member is never "Connecting"', () => {
    for (const row of STATUS_TABLE) {
      const { heading } = statusWords(row, false);
      if (row.statusClass === 'success') expect(en[heading]).toBe('Connected to {bank}');
      if (row.statusClass === 'transient') expect(en[heading]).toBe('Connecting to {bank}');
    }
  });

  it.each(catalogs)('%s: no ellipsis written as " ..."', (_name, catalog) => {
    expect(keys.filter((key) => / \.\.\.|\.\.\./.test(catalog[key]))).toEqual([]);
  });
});
