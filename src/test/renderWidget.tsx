import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { SANDBOX_TIME } from '../../server/upstreams/mock/sandbox';
import { Widget } from '../app/Widget';
import { parseConfig } from '../config/config';
import type { Timing } from '../config/timing';
import { createEmitter } from '../embedding/emitter';
import type { WidgetEventType } from '../../sdk/src/contract/events';
import { LOCALES } from '../i18n/allLocales';
import { resolveLocale } from '../i18n/locales';
import { decideOauth, startMockServer, type MockServer } from './mockServer';

export const HOST_ORIGIN = 'https://partner.test';

/** Fast polling so a whole flow runs in milliseconds; the mock's virtual clock is advanced by hand. */
export const FAST_TIMING: Timing = {
  pollMs: 10,
  maxPollMs: 40,
  retryBaseMs: 10,
  maxRetries: 8,
  // the product's own: a shorter one is less than a keystroke takes on a busy machine, and a
  // half-typed query gets searched (and reported) before the rest arrives
  debounceMs: 250,
  resizeDebounceMs: 10,
  maxPollsPerScreen: 150,
  maxPollingMsPerScreen: 10 * 60_000,
};

export interface SentMessage {
  mx?: boolean;
  type: string;
  metadata?: Record<string, unknown>;
  height?: number;
  /** analytics: the pageview's path, the event's name */
  path?: string;
  name?: string;
}

export interface RenderOptions {
  params?: Record<string, string>;
  server?: MockServer;
  userGuid?: string;
  timing?: Partial<Timing>;
  /** the API client's per-request timeout */
  apiTimeoutMs?: number;
  /** what shows while the first reads are answered (main.tsx passes the first paint) */
  waiting?: ReactNode;
  /** render into this container (its root, as main.tsx renders the widget where the first paint was) */
  container?: HTMLElement;
}

/**
 * Renders the whole widget against the real mock backend, in-process, and collects every
 * message it would post to the host page.
 */
export async function renderWidget(options: RenderOptions = {}) {
  const server = options.server ?? startMockServer();
  const userGuid = options.userGuid ?? (await server.createUser());
  const params = new URLSearchParams({
    user_guid: userGuid,
    session_guid: 'SES-test',
    parent_origin: HOST_ORIGIN,
    // tests about what follows consent start after it; the consent tests turn it back on
    disable_consent: 'true',
    ...options.params,
  });
  const parsed = parseConfig(params.toString());
  if (!parsed.ok) throw new Error(`bad test config: ${parsed.param} ${parsed.message}`);
  const messages: SentMessage[] = [];
  const emitter = createEmitter((m) => messages.push(m as SentMessage), {
    user_guid: userGuid,
    session_guid: 'SES-test',
  });
  const api = createApiClient({ fetch: server.fetch, timeoutMs: options.apiTimeoutMs });
  const user = userEvent.setup();
  const view = render(
    <Widget
      config={parsed.config}
      api={api}
      emitter={emitter}
      framed
      timing={{ ...FAST_TIMING, ...options.timing }}
      locale={resolveLocale(parsed.config.locale)}
      catalog={LOCALES[resolveLocale(parsed.config.locale)]}
      waiting={options.waiting}
    />,
    options.container ? { container: options.container } : undefined,
  );
  const events = (type?: WidgetEventType) => messages.filter((m) => m.mx && (type === undefined || m.type === type));
  return { server, userGuid, messages, events, user, view };
}

export type Rendered = Awaited<ReturnType<typeof renderWidget>>;

/** Search, pick the institution and land on its next step. */
export async function chooseInstitution(w: Rendered, query: string, name: string | RegExp) {
  const box = await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
  await w.user.type(box, query);
  // the popular list shows until the debounced search answers: wait for the results
  await screen.findByText(/institutions? found$/);
  await w.user.click(await screen.findByRole('option', { name }));
}

/** Fill MX Bank's username and password and submit. */
export async function submitCredentials(w: Rendered, password: string, username = 'jane') {
  const login = await screen.findByLabelText('Username');
  const secret = screen.getByLabelText('Password', { selector: 'input' });
  await w.user.clear(login);
  await w.user.type(login, username);
  await w.user.clear(secret);
  await w.user.type(secret, password);
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** From an empty widget to a member created at MX Bank with this password. */
export async function connectMxBank(w: Rendered, password: string) {
  await chooseInstitution(w, 'MX Bank', 'MX Bank');
  await submitCredentials(w, password);
  await screen.findByRole('heading', { name: 'Connecting to MX Bank' });
}

export { SANDBOX_TIME } from '../../server/upstreams/mock/sandbox';

/** Moves the mock's virtual clock, then waits for the widget to show `text`. */
export async function advanceUntil(w: Rendered, ms: number, check: () => unknown) {
  await w.server.advance(ms);
  await waitFor(check, { timeout: 3_000 });
}

/** Until the member's next status is on screen. */
export const untilNextStep = (w: Rendered, check: () => unknown) => advanceUntil(w, SANDBOX_TIME.nextStep, check);

/** Until the connection has settled (connected and aggregated, or its end state) on screen. */
export const untilSettled = (w: Rendered, check: () => unknown) => advanceUntil(w, SANDBOX_TIME.settled, check);

export async function statusRequests(server: MockServer): Promise<number> {
  return (await server.log()).filter((e) => e.path.endsWith('/status')).length;
}

/** The host page's `navigateBack()`: the SDK's back message, from the parent window and its origin. */
export function hostNavigateBack() {
  act(() => {
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'mx/navigation', payload: { action: 'back' } },
        origin: HOST_ORIGIN,
        source: window.parent,
      }),
    );
  });
}

/** What window.open hands back in a test: a window the widget can close (and the test can ask about). */
export function fakePopup() {
  const popup = { closed: false, close: vi.fn(() => void (popup.closed = true)) };
  return popup;
}

/** What the provider page does: record the decision, then message the opener from our origin. */
export async function decideAtBank(
  w: Rendered,
  uri: string,
  decision: 'authorize' | 'deny' | 'fail',
  origin = window.location.origin,
) {
  const res = await decideOauth(w.server, uri, decision);
  const location = new URL(res.headers.get('location') ?? '', uri);
  const metadata = {
    member_guid: location.searchParams.get('member_guid'),
    status: location.searchParams.get('status'),
  };
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { origin, data: { mx: true, type: 'oauthComplete', metadata } }));
  });
}
