import { serveStatus } from '../../test/mockServer';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  connectMxBank,
  type Rendered,
  renderWidget,
  SANDBOX_TIME,
  untilNextStep,
  untilSettled,
} from '../../test/renderWidget';

async function reachMfa(password: string) {
  const w = await renderWidget();
  await connectMxBank(w, password);
  await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
  return w;
}

const submit = (w: Rendered) => w.user.click(screen.getByRole('button', { name: 'Continue' }));

type Answer = (w: Rendered, right: boolean) => Promise<void>;

const ANSWERS: [string, Answer][] = [
  [
    'challenge',
    async (w, right) => w.user.type(screen.getByRole('textbox', { name: /What city/ }), right ? 'correct' : 'Paris'),
  ],
  [
    'token',
    async (w, right) => {
      const input = screen.getByRole('textbox', { name: /6-digit code/ });
      expect(input).toHaveAttribute('autocomplete', 'one-time-code');
      await w.user.type(input, right ? '123456' : '000000');
    },
  ],
  [
    'options',
    async (w, right) => {
      const group = screen.getByRole('group', { name: 'Where should we send your security code?' });
      await w.user.click(within(group).getByRole('radio', { name: right ? /Text message/ : /Email/ }));
    },
  ],
  [
    'image',
    async (w, right) => {
      expect(screen.getByRole('img', { name: 'Type the text shown in the image' })).toHaveAttribute(
        'src',
        expect.stringMatching(/^data:image\//),
      );
      await w.user.type(
        screen.getByRole('textbox', { name: 'Type the text shown in the image' }),
        right ? 'correct' : 'nope',
      );
    },
  ],
  [
    'image_options',
    async (w, right) => {
      const group = screen.getByRole('group', { name: 'Choose your security image' });
      // the tiles are labelled by their images' alt text
      await w.user.click(within(group).getByRole('radio', { name: right ? 'Sailboat' : 'Tree' }));
    },
  ],
];

describe('MFA', () => {
  it.each(ANSWERS)('%s: the right answer resumes and connects', async (password, answer) => {
    const w = await reachMfa(password);
    await answer(w, true);
    await submit(w);
    await screen.findByRole('heading', { name: 'Connecting to MX Bank' });
    expect(w.events('mx/connect/submitMFA')).toHaveLength(1);
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
  });

  it.each(ANSWERS)(
    '%s: a wrong answer is REJECTED, and Try again shows the message above a fresh challenge',
    async (password, answer) => {
      const w = await reachMfa(password);
      await answer(w, false);
      await submit(w);
      await untilNextStep(w, () => screen.getByRole('heading', { name: 'We could not verify you' }));
      await w.user.click(screen.getByRole('button', { name: 'Try again' }));
      await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The answer or answers provided were incorrect. Please try again.',
      );
      await answer(w, true);
      await submit(w);
      await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    },
  );

  it('two challenges at once are answered in one form', async () => {
    const w = await reachMfa('multi');
    await w.user.type(screen.getByRole('textbox', { name: /What city/ }), 'correct');
    await w.user.click(screen.getByRole('radio', { name: /Text message/ }));
    await submit(w);
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
  });

  it('unanswered challenges are flagged, with the error linked to the field, and nothing is sent', async () => {
    const w = await reachMfa('multi');
    await submit(w);
    const input = screen.getByRole('textbox', { name: /What city/ });
    expect(input).toHaveAccessibleDescription('Enter an answer to continue.');
    expect(input).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Where should we send your security code?' })).toHaveAccessibleDescription(
      'Choose an answer to continue.',
    );
    expect(w.events('mx/connect/submitMFA')).toHaveLength(0);
  });

  it('EXPIRED offers to start again, and a fresh challenge follows', async () => {
    const w = await reachMfa('expire');
    await w.server.advance(SANDBOX_TIME.pastChallengeExpiry);
    await w.user.type(screen.getByRole('textbox', { name: /What city/ }), 'correct');
    await submit(w);
    await screen.findByRole('heading', { name: 'We could not verify you' });
    expect(screen.getByRole('main')).toHaveTextContent(
      'The answer or answers were not provided in time. Please try again.',
    );
    await w.user.click(screen.getByRole('button', { name: 'Try again' }));
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
  });

  it('a label with HTML renders as text and a non-image image_data shows a placeholder', async () => {
    const w = await renderWidget();
    await serveStatus(w.server, {
      guid: 'MBR-x',
      connection_status: 'CHALLENGED',
      is_being_aggregated: true,
      challenges: [
        {
          guid: 'CHL-1',
          type: 'IMAGE_DATA',
          label: '<img src=x onerror=alert(1)>',
          image_data: 'data:text/html,<script>alert(1)</script>',
        },
      ],
    });
    await connectMxBank(w, 'password').catch(() => undefined);
    await screen.findByRole('heading', { name: 'Verify your identity' });
    expect(screen.getByRole('textbox', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Image unavailable/ })).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await waitFor(() => expect(document.querySelector('script')).toBeNull());
  });

  it('a challenge MX sends without anything to answer (its OpenAPI allows all-null) is explained, with a way back', async () => {
    const w = await renderWidget();
    await serveStatus(w.server, {
      connection_status: 'CHALLENGED',
      is_being_aggregated: true,
      challenges: [
        { guid: null, label: null, type: null },
        { guid: 'CHL-2', label: 'Pick one', type: 'OPTIONS', options: [{ guid: 'o', label: 'A', value: null }] },
      ],
    });
    await connectMxBank(w, 'password').catch(() => undefined);
    await screen.findByRole('heading', { name: 'Verify your identity' });
    expect(screen.getByText(/MX Bank asked a security question that cannot be shown here/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
    await w.user.click(screen.getByRole('button', { name: 'Back to search' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    expect(w.events('mx/connect/backToSearch')).toHaveLength(1);
  });

  it('an answer left empty says so and takes focus; typing clears the message, as on the credentials form', async () => {
    const w = await reachMfa('challenge');
    await submit(w);
    const input = screen.getByRole('textbox', { name: /What city/ });
    // short and generic: the question (and its sandbox hint) is not repeated
    expect(await screen.findByText('Enter an answer to continue.')).toBeInTheDocument();
    expect(screen.queryByText(/What city.*required/)).toBeNull();
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await w.user.type(input, 'c');
    expect(screen.queryByText('Enter an answer to continue.')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });
});
