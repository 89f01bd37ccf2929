import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveStatus, startMockServer } from '../../test/mockServer';
import {
  chooseInstitution,
  connectMxBank,
  type Rendered,
  renderWidget,
  SANDBOX_TIME,
  submitCredentials,
  untilSettled,
} from '../../test/renderWidget';

const BANK = 'MX Bank';

/** The visible actions of the current step, in order: buttons and links by accessible name. */
function actions(): string[] {
  const main = screen.getByRole('main');
  const controls = [...within(main).queryAllByRole('button'), ...within(main).queryAllByRole('link')];
  // document order, as a keyboard user meets them
  controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return controls.map((el) => el.textContent ?? '').filter((name) => name !== '');
}

async function endsIn(password: string) {
  return async (w: Rendered) => {
    await connectMxBank(w, password);
    await w.server.advance(SANDBOX_TIME.nextStep);
  };
}

async function answerChallenge(w: Rendered, answer: string) {
  await w.user.type(await screen.findByLabelText(/What city were you born in/), answer);
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
}

interface Row {
  status: string;
  code: number | null;
  drive: (w: Rendered) => Promise<void>;
  heading: string;
  message: string;
  actions: string[];
}

// every error screen offers help last (the mock is a help desk in tests)
const fix = ['Update credentials', 'Back to search', 'Get help'];
const retry = ['Try again', 'Back to search', 'Get help'];
const atBank = [`Go to ${BANK} website`, 'Back to search', 'Get help'];
const gone = ['Add an account manually', 'Back to search', 'Get help'];

const ROWS: Row[] = [
  {
    status: 'CREATED',
    code: 0,
    drive: (w) => connectMxBank(w, 'password'),
    heading: `Connecting to ${BANK}`,
    message: `Connecting to ${BANK}…`,
    actions: [],
  },
  {
    status: 'PREVENTED',
    code: 1,
    drive: await endsIn('prevented'),
    heading: 'New credentials needed',
    message: 'The last 3 attempts to connect have failed. Please re-enter your credentials to continue importing data.',
    actions: fix,
  },
  {
    status: 'DENIED',
    code: 2,
    drive: await endsIn('wrong-password'),
    heading: 'New credentials needed',
    message:
      'The credentials entered do not match your credentials at this institution. Please re-enter your credentials to continue importing data.',
    actions: fix,
  },
  {
    status: 'CHALLENGED',
    code: 3,
    drive: await endsIn('challenge'),
    heading: 'Verify your identity',
    message: `To authenticate your connection to ${BANK}, please answer the following challenge(s).`,
    actions: ['Continue', 'Cancel', 'Get help'],
  },
  {
    status: 'REJECTED',
    code: 4,
    drive: async (w) => {
      await (
        await endsIn('challenge')
      )(w);
      await answerChallenge(w, 'Paris');
      await screen.findByRole('heading', { name: `Connecting to ${BANK}` });
      await w.server.advance(SANDBOX_TIME.nextStep);
    },
    heading: 'We could not verify you',
    message: 'The answer or answers provided were incorrect. Please try again.',
    actions: retry,
  },
  {
    status: 'LOCKED',
    code: 5,
    drive: await endsIn('locked'),
    heading: `Action needed at ${BANK}`,
    message: `Your account is locked. Please log in to the appropriate website for ${BANK} and follow the steps to resolve the issue.`,
    actions: atBank,
  },
  {
    status: 'CONNECTED',
    code: 6,
    drive: async (w) => {
      await connectMxBank(w, 'password');
      await w.server.advance(SANDBOX_TIME.settled);
    },
    heading: 'Success!',
    message: `You have successfully connected ${BANK}.`,
    actions: ['Done', 'Connect another account'],
  },
  {
    status: 'IMPEDED',
    code: 7,
    drive: await endsIn('impeded'),
    heading: `Action needed at ${BANK}`,
    message: `Your attention is needed at this institution's website. Please log in to the appropriate website for ${BANK} and follow the steps to resolve the issue.`,
    actions: atBank,
  },
  {
    status: 'RECONNECTED',
    code: 8,
    drive: await endsIn('reconnected'),
    heading: `Reconnecting to ${BANK}`,
    message: `Reconnecting to ${BANK}…`,
    actions: [],
  },
  {
    status: 'DEGRADED',
    code: 9,
    drive: await endsIn('degraded'),
    heading: 'Connection problem',
    message: 'We are upgrading this connection. Please try again later.',
    actions: retry,
  },
  {
    status: 'DISCONNECTED',
    code: 10,
    drive: await endsIn('disconnected'),
    heading: 'Connection problem',
    message: `It looks like your data from ${BANK} cannot be imported. We are working to resolve the issue.`,
    actions: retry,
  },
  {
    status: 'DISCONTINUED',
    code: 11,
    drive: await endsIn('discontinued'),
    heading: 'Connection unavailable',
    message:
      'Connections to this institution are no longer supported. You may create a manual account and use manual transactions to track data for this account.',
    actions: gone,
  },
  {
    status: 'CLOSED',
    code: 12,
    drive: await endsIn('closed'),
    heading: 'Connection unavailable',
    message:
      'This connection has been closed. You may track this account manually. If reopened, you may connect the institution again.',
    actions: gone,
  },
  {
    status: 'DELAYED',
    code: 13,
    drive: await endsIn('delayed'),
    heading: `Connecting to ${BANK}`,
    message: `Importing your data from ${BANK} may take a while. Please check back later.`,
    actions: ['Done, check back later'],
  },
  {
    status: 'FAILED',
    code: 14,
    drive: await endsIn('failed'),
    heading: 'Connection problem',
    message: `There was a problem validating your credentials with ${BANK}. Please try again later.`,
    actions: retry,
  },
  {
    status: 'UPDATED',
    code: 15,
    drive: async (w) => {
      await (
        await endsIn('denied')
      )(w);
      await w.user.click(await screen.findByRole('button', { name: 'Update credentials' }));
      await screen.findByRole('heading', { name: 'Update your credentials' });
      await w.user.type(screen.getByLabelText('Username'), 'jane');
      await w.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'password');
      await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    },
    heading: `Connecting to ${BANK}`,
    message: `Connecting to ${BANK}…`,
    actions: [],
  },
  {
    status: 'DISABLED',
    code: 16,
    drive: await endsIn('disabled'),
    heading: 'Connection problem',
    message:
      'Importing data from this institution has been disabled. Please contact us if you believe it has been disabled in error.',
    actions: retry,
  },
  {
    status: 'IMPORTED',
    code: 17,
    drive: await endsIn('imported'),
    heading: 'New credentials needed',
    message: `You must re-authenticate before your data can be imported. Please enter your credentials for ${BANK}.`,
    actions: fix,
  },
  {
    status: 'RESUMED',
    code: 18,
    drive: async (w) => {
      await (
        await endsIn('challenge')
      )(w);
      await answerChallenge(w, 'correct');
    },
    heading: `Connecting to ${BANK}`,
    message: `Connecting to ${BANK}…`,
    actions: [],
  },
  {
    status: 'EXPIRED',
    code: 19,
    drive: async (w) => {
      await (
        await endsIn('expire')
      )(w);
      await screen.findByRole('heading', { name: 'Verify your identity' });
      // the widget stops polling on the MFA screen; the user comes back to it later
      await w.server.advance(SANDBOX_TIME.pastChallengeExpiry);
      await answerChallenge(w, 'correct');
    },
    heading: 'We could not verify you',
    message: 'The answer or answers were not provided in time. Please try again.',
    actions: retry,
  },
  {
    status: 'IMPAIRED',
    code: 20,
    drive: await endsIn('impaired'),
    heading: 'New credentials needed',
    message: `You must re-authenticate before your data can be imported. Please enter your credentials for ${BANK}.`,
    actions: fix,
  },
];

describe('every connection_status reaches its screen', () => {
  it.each(ROWS)('$status ($code)', async (row) => {
    const w = await renderWidget();
    await row.drive(w);
    await screen.findByRole('heading', { name: row.heading }, { timeout: 3_000 });
    await waitFor(() => expect(screen.getByRole('main')).toHaveTextContent(row.message));
    await waitFor(() => expect(actions()).toEqual(row.actions));
    await waitFor(() =>
      expect(w.events('mx/connect/memberStatusUpdate').map((m) => m.metadata?.connection_status)).toContain(row.code),
    );
  });

  it('PENDING (21): the OAuth step waits with its own message', async () => {
    const w = await renderWidget({ params: { current_institution_code: 'mxbank_oauth' } });
    await screen.findByRole('heading', { name: 'Sign in at MX Bank (OAuth)' });
    await waitFor(() =>
      expect(w.events('mx/connect/memberStatusUpdate').map((m) => m.metadata?.connection_status)).toEqual([21]),
    );
    expect(actions()).toEqual(['Go to MX Bank (OAuth)', 'Cancel']);
  });

  it('null: a manual member shows as connected manually, with no polling', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    const created = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: 'mxbank', is_manual: true },
    });
    const guid = (created.json as { member: { guid: string } }).member.guid;
    await renderWidget({ server, userGuid: user, params: { current_member_guid: guid } });
    await screen.findByRole('heading', { name: 'Success!' });
    expect(screen.getByRole('main')).toHaveTextContent('MX Bank was added manually. It is not updated automatically.');
    expect(actions()).toEqual(['Done', 'Connect another account']);
    expect((await server.log()).filter((e) => e.path.endsWith('/status'))).toHaveLength(0);
  });

  it('an unknown status string shows a generic screen with Try again, never a crash', async () => {
    const w = await renderWidget();
    await serveStatus(w.server, { connection_status: 'SOMETHING_NEW', is_being_aggregated: false });
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await submitCredentials(w, 'password');
    await screen.findByRole('heading', { name: 'Something went wrong' });
    expect(screen.getByRole('main')).toHaveTextContent(
      `Something went wrong while connecting to ${BANK}. Please try again.`,
    );
    expect(actions()).toEqual(retry);
  });

  it('RECONNECTED aggregates in the foreground and goes on to CONNECTED', async () => {
    const w = await renderWidget();
    await (
      await endsIn('reconnected')
    )(w);
    await waitFor(async () => expect((await w.server.log()).some((e) => e.path.endsWith('/aggregate'))).toBe(true));
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
  });
});
