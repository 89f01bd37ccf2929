import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  chooseInstitution,
  connectMxBank,
  renderWidget,
  statusRequests,
  submitCredentials,
  untilNextStep,
  untilSettled,
} from '../../test/renderWidget';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('polling', () => {
  it('stops at an end state: no request over the next 30 virtual seconds', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'locked');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Action needed at MX Bank' }));
    const before = await statusRequests(w.server);
    await w.server.advance(30_000);
    await sleep(300); // many poll intervals at test speed
    expect(await statusRequests(w.server)).toBe(before);
  });

  it('stops after CONNECTED and makes no request after unmount', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'delayed');
    await untilNextStep(w, () => screen.getByRole('button', { name: 'Done, check back later' }));
    w.view.unmount();
    const before = await statusRequests(w.server);
    await sleep(300);
    expect(await statusRequests(w.server)).toBe(before);
  });

  it('rides out 503s on /status with "Reconnecting…", then recovers without a second member', async () => {
    const w = await renderWidget({ timing: { maxRetries: 100 } });
    await connectMxBank(w, 'password');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 503, retry_after_s: 0 }],
    });
    await screen.findByText('Reconnecting…');
    expect(screen.getByRole('heading', { name: 'Connecting to MX Bank' })).toBeInTheDocument();
    await w.server.request('DELETE', '/mock/faults');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    const log = await w.server.log();
    expect(log.filter((e) => e.method === 'POST' && e.path.endsWith('/members'))).toHaveLength(1);
    expect(log.some((e) => e.path.endsWith('/status') && e.status === 503)).toBe(true);
  });

  it('honours Retry-After on 429', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'password');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 429, retry_after_s: 1, rate: 1 }],
    });
    await screen.findByText('Reconnecting…');
    const first = await statusRequests(w.server);
    await sleep(500);
    // with Retry-After: 1 s, no second try within half a second, and one soon after it (the exact
    // delays, backoff included, are held in virtual time by src/polling/usePolling.test.tsx)
    expect(await statusRequests(w.server)).toBeLessThanOrEqual(first + 1);
    await waitFor(async () => expect(await statusRequests(w.server)).toBeGreaterThan(first), { timeout: 3_000 });
  });

  it('gives up after repeated failures with a clear error and a way back', async () => {
    const w = await renderWidget({ timing: { maxRetries: 2 } });
    await connectMxBank(w, 'password');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 500 }],
    });
    await screen.findByRole('heading', { name: 'Something went wrong' }, { timeout: 3_000 });
    expect(screen.getByRole('main')).toHaveTextContent('The service is having trouble right now.');
    await w.server.request('DELETE', '/mock/faults');
    await w.user.click(screen.getByRole('button', { name: 'Try again' }));
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
  });

  it('a 404 is not retried: the member is gone, back to search', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'delayed');
    await untilNextStep(w, () => screen.getByRole('button', { name: 'Done, check back later' }));
    await w.server.request('POST', '/mock/reset');
    await screen.findByRole('heading', { name: 'Something went wrong' }, { timeout: 3_000 });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await w.user.click(screen.getByRole('button', { name: 'Back to search' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    await waitFor(() => expect(w.events('mx/connect/backToSearch')).toHaveLength(1));
  });

  it('a status that alternates forever ends on "taking longer than usual", with one host event per change', async () => {
    const w = await renderWidget({ timing: { maxPollMs: 20, maxPollsPerScreen: 30 } });
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    // every other poll CREATED, the rest RESUMED: a change on every poll, so no backoff either
    const status = (name: string) =>
      JSON.stringify({ member: { guid: 'MBR-x', connection_status: name, is_being_aggregated: true } });
    await w.server.request('POST', '/mock/faults', {
      rules: [
        { route: 'GET /users/*/members/*/status', kind: 'malformed', rate: 0.5, body: status('CREATED') },
        { route: 'GET /users/*/members/*/status', kind: 'malformed', body: status('RESUMED') },
      ],
    });
    await submitCredentials(w, 'password');
    await screen.findByRole('heading', { name: 'This is taking longer than usual' }, { timeout: 3_000 });
    const polls = await statusRequests(w.server);
    await sleep(200);
    expect(await statusRequests(w.server)).toBe(polls);
    expect(polls).toBeLessThanOrEqual(32);
    const updates = w.events('mx/connect/memberStatusUpdate').map((e) => e.metadata?.connection_status);
    expect(updates.every((code, i) => i === 0 || code !== updates[i - 1])).toBe(true);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
  });

  it('a Retry-After of a day waits at most a minute, and the user can stop waiting', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'password');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 429, retry_after_s: 86_400 }],
    });
    await screen.findByText('Reconnecting…');
    await w.user.click(screen.getByRole('button', { name: 'Stop waiting' }));
    await screen.findByRole('heading', { name: 'Something went wrong' });
    expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
  });
});
