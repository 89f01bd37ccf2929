import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/config';
import { startMockServer } from '../../test/mockServer';
import { renderWidget } from '../../test/renderWidget';

const consentOn = {
  disable_consent: 'false',
  client_name: 'Budget Pal',
  privacy_policy_url: 'https://budget.example/privacy',
};

describe('consent', () => {
  it('comes first: what the app receives by mode, how it is protected, how to revoke, and its policy', async () => {
    const w = await renderWidget({ params: consentOn });
    await screen.findByRole('heading', { name: 'Budget Pal uses MX to connect your accounts' });
    const text = screen.getByRole('region', { name: 'What you agree to' });
    expect(
      within(text)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Account names and types', 'Balances', 'Transactions']);
    expect(text).toHaveTextContent('You can revoke it at any time in Budget Pal');
    expect(within(text).getByRole('link', { name: 'Budget Pal’s privacy policy' })).toHaveAttribute(
      'href',
      'https://budget.example/privacy',
    );
    expect(w.events('mx/connect/loaded')[0]?.metadata).toMatchObject({ initial_step: 'consent' });
  });

  it('"I agree" records the scope, policy and time for the host, then search follows', async () => {
    const w = await renderWidget({ params: consentOn });
    await w.user.click(await screen.findByRole('button', { name: 'I agree' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    const given = w.messages.filter((m) => m.type === 'connect-widget/consentGiven');
    expect(given).toHaveLength(1);
    expect(given[0]?.metadata).toMatchObject({
      scope: ['account_details', 'balances', 'transactions'],
      policy_url: 'https://budget.example/privacy',
      user_guid: w.userGuid,
      session_guid: 'SES-test',
    });
    expect(Number.isNaN(Date.parse(String(given[0]?.metadata?.timestamp)))).toBe(false);
  });

  it('verification with identity names account and routing numbers and identity; a pinned bank follows consent', async () => {
    const w = await renderWidget({
      params: { ...consentOn, mode: 'verification', include_identity: 'true', current_institution_code: 'mxbank' },
    });
    const text = await screen.findByRole('region', { name: 'What you agree to' });
    expect(
      within(text)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Account and routing numbers', 'Balances', 'The account owner’s name, email and address']);
    await w.user.click(screen.getByRole('button', { name: 'I agree' }));
    await screen.findByRole('heading', { name: 'Enter your credentials' });
  });

  it('declining shares nothing, tells the host, and lets the user review again', async () => {
    const w = await renderWidget({ params: consentOn });
    await w.user.click(await screen.findByRole('button', { name: 'Decline' }));
    await screen.findByRole('heading', { name: 'Nothing was shared' });
    expect(w.messages.filter((m) => m.type === 'connect-widget/consentDeclined')).toHaveLength(1);
    expect(w.messages.filter((m) => m.type === 'connect-widget/consentGiven')).toHaveLength(0);
    await w.user.click(screen.getByRole('button', { name: 'Review again' }));
    await screen.findByRole('heading', { name: 'Budget Pal uses MX to connect your accounts' });
  });

  it('fixing an existing member skips consent, and the partner may turn it off', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    const member = await server.createMember(userGuid, 'denied');
    const fixing = await renderWidget({ server, userGuid, params: { ...consentOn, current_member_guid: member } });
    await screen.findByRole('heading', { name: 'Update your credentials' });
    fixing.view.unmount();
    await renderWidget({ params: { disable_consent: 'true' } });
    await screen.findByRole('heading', { name: 'Select your institution' });
  });

  it('a privacy policy that is not https is a configuration error naming it', () => {
    const parsed = parseConfig('user_guid=USR-1&privacy_policy_url=http://budget.example/privacy');
    expect(parsed).toMatchObject({ ok: false, param: 'privacy_policy_url', message: 'must be an https URL' });
    expect(parseConfig('user_guid=USR-1&privacy_policy_url=javascript:alert(1)')).toMatchObject({ ok: false });
  });

  describe('a text longer than its box (a wide frame; a narrow one has no box and the page scrolls)', () => {
    const TEXT = 1000;
    const BOX = 288;
    const boxed = (el: HTMLElement) => el.getAttribute('role') === 'region' && el.className.includes('max-h-72');
    const saved = ['scrollHeight', 'clientHeight'].map(
      (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
    );
    beforeEach(() => {
      // jsdom lays nothing out: the consent text is TEXT px tall, shown BOX px at a time while boxed
      Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
        configurable: true,
        get(this: HTMLElement) {
          return this.getAttribute('role') === 'region' ? TEXT : 0;
        },
      });
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
        configurable: true,
        get(this: HTMLElement) {
          if (this.getAttribute('role') !== 'region') return 0;
          return boxed(this) ? BOX : TEXT;
        },
      });
    });
    afterEach(() => {
      for (const [name, descriptor] of saved)
        if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    });

    it('"I agree" says it is not available yet and why; pressed early it opens the rest instead of agreeing', async () => {
      const w = await renderWidget({ params: consentOn });
      const agree = await screen.findByRole('button', { name: 'I agree' });
      expect(agree).toHaveAttribute('aria-disabled', 'true');
      expect(agree).toHaveAccessibleDescription('Read to the end to agree.');
      expect(screen.getByText('Read to the end to agree.')).toBeVisible();
      await w.user.click(agree);
      expect(w.messages.filter((m) => m.type === 'connect-widget/consentGiven')).toHaveLength(0);
      const text = screen.getByRole('region', { name: 'What you agree to' });
      expect(text).toHaveFocus();
      // the whole text is now on the page: nothing left to read, so agreeing works
      expect(boxed(text)).toBe(false);
      expect(agree).toHaveAttribute('aria-disabled', 'false');
      expect(screen.queryByText('Read to the end to agree.')).toBeNull();
      await w.user.click(agree);
      await screen.findByRole('heading', { name: 'Select your institution' });
      expect(w.messages.filter((m) => m.type === 'connect-widget/consentGiven')).toHaveLength(1);
    });

    it('"Show the rest of the terms" opens the whole text in one step', async () => {
      const w = await renderWidget({ params: consentOn });
      await w.user.click(await screen.findByRole('button', { name: 'Show the rest of the terms' }));
      expect(screen.getByRole('region', { name: 'What you agree to' })).toHaveFocus();
      expect(screen.getByRole('button', { name: 'I agree' })).toHaveAttribute('aria-disabled', 'false');
      expect(screen.queryByRole('button', { name: 'Show the rest of the terms' })).toBeNull();
    });

    it('scrolling the box to its end is reading it too', async () => {
      await renderWidget({ params: consentOn });
      const text = await screen.findByRole('region', { name: 'What you agree to' });
      const agree = screen.getByRole('button', { name: 'I agree' });
      text.scrollTop = TEXT / 2;
      fireEvent.scroll(text);
      expect(agree).toHaveAttribute('aria-disabled', 'true');
      text.scrollTop = TEXT - BOX;
      fireEvent.scroll(text);
      expect(agree).toHaveAttribute('aria-disabled', 'false');
      expect(boxed(text)).toBe(true);
    });

    it.each([
      ['es', 'Acepto', 'Lea hasta el final para aceptar.', 'Mostrar el resto de los términos'],
      ['fr-CA', 'J’accepte', 'Lisez jusqu’à la fin pour accepter.', 'Afficher le reste des conditions'],
    ])('in %s too, the reason and the way on are in the user’s language', async (locale, agree, why, rest) => {
      await renderWidget({ params: { ...consentOn, locale } });
      expect(await screen.findByRole('button', { name: agree })).toHaveAccessibleDescription(why);
      expect(screen.getByRole('button', { name: rest })).toBeVisible();
    });
  });
});
