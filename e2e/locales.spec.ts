import { expect, openHost, test, uniqueUser } from './fixtures';

const FLOWS = [
  {
    locale: 'en' as const,
    search: 'Search for your bank or credit union',
    results: 'Search results',
    go: 'Continue',
    done: 'Success!',
    status: 'Connected to MX Bank.',
  },
  {
    locale: 'es' as const,
    search: 'Busque su banco o cooperativa de crédito',
    results: 'Resultados de la búsqueda',
    go: 'Continuar',
    done: '¡Listo!',
    status: 'Conectado con MX Bank.',
  },
  {
    locale: 'fr-CA' as const,
    search: 'Cherchez votre banque ou votre caisse',
    results: 'Résultats de la recherche',
    go: 'Continuer',
    done: 'C’est fait!',
    status: 'Connecté à MX Bank.',
  },
];

for (const flow of FLOWS) {
  test(`a full credentials flow in ${flow.locale}`, async ({ page }) => {
    const widget = await openHost(page, { locale: flow.locale });
    await expect(widget.locator('html')).toHaveAttribute('lang', flow.locale);
    await widget.getByRole('combobox', { name: flow.search }).fill('MX Bank');
    await widget
      .getByRole('listbox', { name: flow.results })
      .getByRole('option', { name: 'MX Bank', exact: true })
      .click();
    await widget.getByLabel('Username').fill(uniqueUser(flow.locale));
    await widget.getByLabel('Password', { exact: true }).fill('password');
    await widget.getByRole('button', { name: flow.go }).click();
    await expect(widget.getByRole('heading', { name: flow.done })).toBeVisible();
    await expect(widget.getByRole('status')).toHaveText(flow.status);
  });
}
