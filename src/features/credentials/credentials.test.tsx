import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveRaw, startMockServer } from '../../test/mockServer';
import {
  chooseInstitution,
  connectMxBank,
  renderWidget,
  submitCredentials,
  untilNextStep,
  untilSettled,
} from '../../test/renderWidget';

describe('credentials', () => {
  it('shows the bank’s own instructions as text, its link https only, its steps in order', async () => {
    const w = await renderWidget({ params: { current_institution_code: 'mxcu_fields' } });
    const note = await screen.findByRole('region', { name: 'Instructions from MX Credit Union' });
    expect(within(note).getByRole('link', { name: 'MX Credit Union online banking' })).toHaveAttribute(
      'href',
      'https://www.mxcu.example/online-banking',
    );
    const steps = within(note)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps[0]).toBe('Enter your member number, without leading zeros.');
    expect(steps).toHaveLength(3);
    expect(w.view.container.querySelector('b')).toBeNull();
  });

  it('never renders a bank’s HTML: a script stays out, a javascript: or http: link is plain text', async () => {
    const w = await renderWidget();
    const { json } = await w.server.request('GET', '/api/institutions/mxbank');
    const { institution } = json as { institution: Record<string, unknown> };
    await serveRaw(
      w.server,
      'GET /institutions/mxbank',
      JSON.stringify({
        institution: {
          ...institution,
          instructional_text:
            'Use <a href="javascript:alert(1)">your card</a> or <a href="http://mx.example">your app</a><script>alert(2)</script><img src=x onerror=alert(3)>.',
          instructional_text_steps: ['<a href="https://www.mx.com/help" onclick="alert(4)">Read this</a>'],
        },
      }),
    );
    w.view.unmount();
    await renderWidget({ server: w.server, userGuid: w.userGuid, params: { current_institution_code: 'mxbank' } });
    const note = await screen.findByRole('region', { name: 'Instructions from MX Bank' });
    expect(note).toHaveTextContent('Use your card or your app.');
    const links = within(note).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.mx.com/help']);
    expect(links[0]).not.toHaveAttribute('onclick');
    expect(note.querySelector('script, img')).toBeNull();
  });

  it('renders the institution’s own fields in display_order, all required', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Credit', 'MX Credit Union');
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    await screen.findByLabelText('Member number');
    const labels = Array.from(document.querySelectorAll('form label')).map((l) => l.textContent);
    expect(labels).toEqual(['Member number', 'Password', 'Branch ID', 'Account type']);
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    const member = screen.getByRole('textbox', { name: 'Member number' });
    expect(member).toHaveFocus();
    expect(member).toHaveAccessibleDescription('Member number is required.');
    expect(screen.getByRole('combobox', { name: 'Account type' })).toHaveAccessibleDescription(
      'Account type is required.',
    );
    expect(w.events('mx/connect/enterCredentials')).toHaveLength(0);

    await w.user.type(member, 'jane');
    await w.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'password');
    await w.user.type(screen.getByRole('textbox', { name: 'Branch ID' }), '042');
    await w.user.selectOptions(screen.getByRole('combobox', { name: 'Account type' }), 'Business');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Connecting to MX Credit Union' });
    expect(w.events('mx/connect/enterCredentials')[0]?.metadata).toMatchObject({
      institution: { code: 'mxcu_fields' },
    });
  });

  it('the password can be shown and hidden, and the forgot link goes to the bank', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    const password = await screen.findByLabelText('Password', { selector: 'input' });
    expect(password).toHaveAttribute('type', 'password');
    await w.user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide password' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Forgot your credentials?' })).toHaveAttribute(
      'href',
      'https://www.mx.com/forgot-password',
    );
  });

  it('cannot be submitted twice while sending', async () => {
    const w = await renderWidget();
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'POST /users/*/members', kind: 'slow', delay_ms: 300 }],
    });
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await submitCredentials(w, 'password');
    const sending = screen.getByRole('button', { name: 'Connecting…' });
    expect(sending).toBeDisabled();
    await w.user.click(sending);
    await screen.findByRole('heading', { name: 'Connecting to MX Bank' });
    expect((await w.server.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/members'))).toHaveLength(1);
  });

  it('a duplicate member gets its own message and a way to update the existing one', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    await server.createMember(user, 'password');
    const w = await renderWidget({ server, userGuid: user });
    // a user with a connection starts at "Your connections"
    await w.user.click(await screen.findByRole('button', { name: 'Connect another account' }));
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await submitCredentials(w, 'password');
    await screen.findByText('You have already connected this MX Bank account.');
    // the alert is what changed: the user lands on its way on, not on the page
    const update = screen.getByRole('button', { name: 'Update the existing connection' });
    await waitFor(() => expect(update).toHaveFocus());
    expect(document.activeElement).not.toBe(document.body);
    expect(w.events('mx/connect/createMemberError')[0]?.metadata).toMatchObject({ institution_code: 'mxbank' });
    await w.user.click(screen.getByRole('button', { name: 'Update the existing connection' }));
    await screen.findByRole('heading', { name: 'Update your credentials' });
    await submitCredentials(w, 'password');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    expect(w.events('mx/connect/updateCredentials')).toHaveLength(1);
  });

  it('Update credentials from a DENIED member PUTs the same member', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'wrong');
    await untilNextStep(w, () => screen.getByRole('button', { name: 'Update credentials' }));
    await w.user.click(screen.getByRole('button', { name: 'Update credentials' }));
    await submitCredentials(w, 'password');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    const log = await w.server.log();
    expect(log.filter((e) => e.method === 'POST' && e.path.endsWith('/members'))).toHaveLength(1);
    expect(log.filter((e) => e.method === 'PUT')).toHaveLength(1);
    const [update] = w.events('mx/connect/updateCredentials');
    expect(update?.metadata).toMatchObject({ institution: { code: 'mxbank' } });
  });

  it('update mode starts from current_member_guid in the URL', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    const guid = await server.createMember(user, 'locked');
    const w = await renderWidget({ server, userGuid: user, params: { current_member_guid: guid } });
    await screen.findByRole('heading', { name: 'Update your credentials' });
    await waitFor(() =>
      expect(w.events('mx/connect/loaded')[0]?.metadata).toMatchObject({ initial_step: 'enterCreds' }),
    );
    await submitCredentials(w, 'password');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    expect(w.events('mx/connect/updateCredentials')[0]?.metadata).toMatchObject({ member_guid: guid });
  });

  it('typed credentials never reach an event', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'Secret-Pa55word');
    expect(JSON.stringify(w.messages)).not.toContain('Secret-Pa55word');
  });

  it('a create that timed out but happened on the server carries on with that member, not a duplicate', async () => {
    const w = await renderWidget({ apiTimeoutMs: 150 });
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    // the member is created at once; only the answer comes too late for the client
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'POST /users/*/members', kind: 'late', delay_ms: 1_000, count: 1 }],
    });
    await submitCredentials(w, 'password');
    await screen.findByRole('heading', { name: 'Connecting to MX Bank' });
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    const posts = (await w.server.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/members'));
    expect(posts).toHaveLength(1);
    expect(screen.queryByText(/already exists/)).toBeNull();
  });
});
