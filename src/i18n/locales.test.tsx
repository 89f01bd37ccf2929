import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWidget, untilNextStep, untilSettled } from '../test/renderWidget';
import { LOCALES } from './allLocales';
import type { MessageKey } from './en';
import { laterMessages, laterMessagesFor } from './laterMessages';
import { CATALOG_RETRIES, loadCatalog, loadLaterCatalog, resolveLocale } from './locales';
import { createTranslator, type Messages } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const en = LOCALES.en;

describe('locales', () => {
  it.each(Object.entries(LOCALES))('%s has every key, translated, with the same placeholders', (name, catalog) => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const text = catalog[key];
      expect(text, `${name}: ${key}`).toBeTruthy();
      expect(placeholders(text), `${name}: ${key}`).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it('loads each catalog on demand, in two parts that make it whole', async () => {
    for (const locale of ['en', 'es', 'fr-CA'] as const) {
      const first = await loadCatalog(locale);
      const later = await loadLaterCatalog(locale);
      // no key in both parts, and together every key of the whole catalog
      expect(Object.keys(first).filter((key) => key in later)).toEqual([]);
      expect({ ...first, ...later }).toEqual(LOCALES[locale]);
    }
  });

  it('every screen but the first waits for the later messages, which arrive in the object the widget reads', async () => {
    const messages: Messages = { ...(await loadCatalog('es')) };
    const t = createTranslator(messages);
    expect(t('search.heading')).toBe(LOCALES.es['search.heading']);
    // before: a later key reads as itself, said on the console in tests (npm run size keeps such
    // keys out of the first bundle)
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(t('status.DENIED')).toBe('status.DENIED');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"status.DENIED"'));
    error.mockRestore();
    laterMessagesFor('es', messages);
    await laterMessages();
    expect(t('status.DENIED', { bank: 'MX Bank' })).toBe(LOCALES.es['status.DENIED'].replace('{bank}', 'MX Bank'));
    expect(t.has('status.DENIED')).toBe(true);
  });

  it('a catalog chunk that fails to load is tried again a bounded number of times, then English is read', async () => {
    vi.useFakeTimers();
    try {
      const tries = { en: 0, es: 0, 'fr-CA': 0 };
      const failing = (locale: keyof typeof tries, failures: number) => async () => {
        tries[locale] += 1;
        if (tries[locale] <= failures) throw new TypeError('Failed to fetch dynamically imported module');
        return LOCALES[locale];
      };
      const importers = { en: failing('en', 1), es: failing('es', 99), 'fr-CA': failing('fr-CA', 2) };

      const french = loadCatalog('fr-CA', importers);
      await vi.runAllTimersAsync();
      expect(await french).toBe(LOCALES['fr-CA']);
      expect(tries['fr-CA']).toBe(3);

      const spanish = loadCatalog('es', importers);
      await vi.runAllTimersAsync();
      expect(await spanish).toBe(en);
      expect(tries.es).toBe(1 + CATALOG_RETRIES);
      expect(tries.en).toBe(2);

      const none = loadCatalog('es', { ...importers, en: failing('en', 99) }).catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      expect(await none).toBeInstanceOf(TypeError);
    } finally {
      vi.useRealTimers();
    }
  });

  it('translations differ from English where words are involved', () => {
    for (const catalog of [LOCALES.es, LOCALES['fr-CA']]) {
      expect(catalog['status.DENIED']).not.toBe(en['status.DENIED']);
      expect(catalog['search.heading']).not.toBe(en['search.heading']);
    }
  });

  it.each([
    ['es', [], 'es'],
    ['fr-CA', [], 'fr-CA'],
    ['fr', [], 'fr-CA'],
    ['es-MX', [], 'es'],
    [undefined, ['fr-CA', 'en'], 'fr-CA'],
    [undefined, ['de-DE', 'es-ES'], 'es'],
    ['de', ['ja'], 'en'],
    [undefined, [], 'en'],
  ])('locale %s with browser %j → %s', (param, browser, expected) => {
    expect(resolveLocale(param, browser)).toBe(expected);
  });

  it('es: the whole flow speaks Spanish, status messages included', async () => {
    const w = await renderWidget({ params: { locale: 'es' } });
    await screen.findByRole('heading', { name: 'Seleccione su institución' });
    await w.user.type(screen.getByRole('combobox', { name: 'Busque su banco o cooperativa de crédito' }), 'MX Bank');
    await screen.findByText(/instituciones encontradas$/);
    await w.user.click(screen.getByRole('option', { name: 'MX Bank' }));
    await screen.findByRole('heading', { name: 'Introduzca sus credenciales' });
    await w.user.type(await screen.findByLabelText('Username'), 'ana');
    await w.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'locked');
    await w.user.click(screen.getByRole('button', { name: 'Continuar' }));
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Se requiere una acción en MX Bank' }));
    expect(screen.getByRole('main')).toHaveTextContent('Su cuenta está bloqueada.');
  });

  it('fr-CA: connects in French and formats balances for Canada', async () => {
    const w = await renderWidget({ params: { locale: 'fr-CA' } });
    await w.user.type(
      await screen.findByRole('combobox', { name: 'Cherchez votre banque ou votre caisse' }),
      'MX Bank',
    );
    await screen.findByText(/institutions trouvées$/);
    await w.user.click(screen.getByRole('option', { name: 'MX Bank' }));
    await w.user.type(await screen.findByLabelText('Username'), 'luc');
    await w.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'password');
    await w.user.click(screen.getByRole('button', { name: 'Continuer' }));
    await screen.findByRole('heading', { name: 'Connexion à MX Bank' });
    await untilSettled(w, () => screen.getByRole('heading', { name: 'C’est fait!' }));
    const balances = await screen.findAllByText(/^\d[\d\s]*,\d{2}\s\$(\sUS)?$/);
    expect(balances.length).toBeGreaterThan(0);
  });
});
