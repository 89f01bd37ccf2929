import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connectMxBank, renderWidget, SANDBOX_TIME } from '../../test/renderWidget';

interface HelpRecord {
  email: string;
  topic: string;
  details: string;
  step: string | null;
  member_guid: string | null;
}

describe('Get help', () => {
  it('from MFA: asks for an email the user lacks, checks the form, sends it, and returns to the challenge', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'challenge');
    await w.server.advance(SANDBOX_TIME.nextStep);
    await screen.findByRole('heading', { name: 'Verify your identity' });
    await w.user.click(await screen.findByRole('button', { name: 'Get help' }));
    await screen.findByRole('heading', { name: 'Get help' });

    await w.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Your email is required.')).toBeVisible();
    expect(screen.getByLabelText('Your email')).toHaveFocus();
    expect(screen.getByText('What went wrong is required.')).toBeVisible();
    expect(screen.getByText('Details is required.')).toBeVisible();

    await w.user.type(screen.getByLabelText('Your email'), 'jane at example');
    await w.user.selectOptions(
      screen.getByRole('combobox', { name: 'What went wrong' }),
      'I did not get a verification code, or it did not work',
    );
    await w.user.type(screen.getByLabelText('Details'), 'The code never arrives.');
    expect(screen.getByText('23 of 1,000 characters')).toBeVisible();
    await w.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Enter an email address such as name@example.com.')).toBeVisible();
    await w.user.clear(screen.getByLabelText('Your email'));
    await w.user.type(screen.getByLabelText('Your email'), 'jane@example.com');
    await w.user.click(screen.getByRole('button', { name: 'Send' }));

    // the Send button is gone: focus moves to the new heading, not to the page
    expect(await screen.findByRole('heading', { name: 'Message sent' })).toHaveFocus();
    const listed = (await w.server.request('GET', '/mock/help_requests')).json as { help_requests: HelpRecord[] };
    expect(listed.help_requests).toEqual([
      expect.objectContaining({
        email: 'jane@example.com',
        topic: 'verification_code',
        details: 'The code never arrives.',
        step: 'mfa',
        member_guid: expect.stringMatching(/^MBR-/),
      }),
    ]);
    expect(w.messages.filter((m) => m.name === 'help_sent').map((m) => m.metadata)).toEqual([
      expect.objectContaining({ topic: 'verification_code' }),
    ]);
    // nothing the user typed reaches the host
    expect(JSON.stringify(w.messages)).not.toContain('never arrives');

    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'Verify your identity' });
  });

  it('a help desk that fails is said so, and nothing typed is lost', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'locked');
    await w.server.advance(SANDBOX_TIME.nextStep);
    await w.user.click(await screen.findByRole('button', { name: 'Get help' }));
    await w.user.type(await screen.findByLabelText('Your email'), 'jane@example.com');
    await w.user.selectOptions(screen.getByRole('combobox', { name: 'What went wrong' }), 'Something else');
    await w.user.type(screen.getByLabelText('Details'), 'help_fails: my account is locked');
    await w.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not send your message.');
    expect(screen.getByLabelText('Your email')).toHaveValue('jane@example.com');
    expect(screen.getByLabelText('Details')).toHaveValue('help_fails: my account is locked');
    expect(screen.getByRole('combobox', { name: 'What went wrong' })).toHaveValue('other');
  });

  it('Back from help returns to the same error screen', async () => {
    const w = await renderWidget({ params: { current_member_guid: 'MBR-missing' } });
    await screen.findByRole('heading', { name: 'Something went wrong' });
    await w.user.click(await screen.findByRole('button', { name: 'Get help' }));
    await w.user.click(await screen.findByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'Something went wrong' });
    expect(screen.getByText(/We could not find this connection/)).toBeVisible();
  });

  it('is not offered on screens where nobody is stuck', async () => {
    await renderWidget();
    await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
    expect(screen.queryByRole('button', { name: 'Get help' })).toBeNull();
  });
});
