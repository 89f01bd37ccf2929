import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { serveRaw, serveStatus, startMockServer } from '../test/mockServer';
import {
  chooseInstitution,
  connectMxBank,
  type Rendered,
  renderWidget,
  submitCredentials,
  untilNextStep,
  untilSettled,
} from '../test/renderWidget';

const XSS = '<img src=x onerror=alert(1)>';

/** Bodies that must never blank the widget: not JSON at all, and JSON of the wrong shape. */
const BAD_BODIES = [
  ['malformed JSON', '{"oops": '],
  [
    'a schema-violating body',
    '{"member": {"guid": 42}, "institutions": "nope", "institution": {"code": []}, "credentials": 7, "accounts": {}}',
  ],
] as const;

interface Case {
  route: string;
  name: string;
  run: (w: Rendered, arm: () => Promise<unknown>) => Promise<void>;
}

/** Every route the widget calls, the way the user reaches it, and the way back it must offer. */
const CASES: Case[] = [
  {
    name: 'favorites',
    route: 'GET /institutions/favorites',
    run: async (w, arm) => {
      await arm();
      w.view.unmount();
      await renderWidget({ server: w.server, userGuid: w.userGuid });
      await screen.findByText('We could not load institutions.');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    },
  },
  {
    name: 'search',
    route: 'GET /institutions',
    run: async (w, arm) => {
      await arm();
      await w.user.type(await screen.findByRole('combobox'), 'MX');
      await screen.findByText('We could not load institutions.');
    },
  },
  {
    name: 'institution',
    route: 'GET /institutions/*',
    run: async (w, arm) => {
      await arm();
      w.view.unmount();
      await renderWidget({ server: w.server, userGuid: w.userGuid, params: { current_institution_code: 'mxbank' } });
      await screen.findByText('We received a response we did not understand. Please try again.');
      expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    },
  },
  {
    name: 'credentials',
    route: 'GET /institutions/*/credentials',
    run: async (w, arm) => {
      await arm();
      await chooseInstitution(w, 'MX Bank', 'MX Bank');
      await screen.findByText(/We received a response we did not understand/);
      expect(screen.getByRole('button', { name: 'Back' })).toBeInTheDocument();
    },
  },
  {
    name: 'create member',
    route: 'POST /users/*/members',
    run: async (w, arm) => {
      await chooseInstitution(w, 'MX Bank', 'MX Bank');
      await arm();
      await submitCredentials(w, 'password');
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('We could not send your credentials.');
      expect(alert).toHaveTextContent('We received a response we did not understand. Please try again.');
      expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
    },
  },
  {
    name: 'status',
    route: 'GET /users/*/members/*/status',
    run: async (w, arm) => {
      await chooseInstitution(w, 'MX Bank', 'MX Bank');
      await arm();
      await submitCredentials(w, 'password');
      await screen.findByText('We received a response we did not understand. Please try again.');
      expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    },
  },
  {
    name: 'resume',
    route: 'PUT /users/*/members/*/resume',
    run: async (w, arm) => {
      await connectMxBank(w, 'challenge');
      await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
      await arm();
      await w.user.type(screen.getByRole('textbox', { name: /What city/ }), 'correct');
      await w.user.click(screen.getByRole('button', { name: 'Continue' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('We could not send your answers.');
      expect(alert).toHaveTextContent('We received a response we did not understand. Please try again.');
    },
  },
  {
    name: 'aggregate',
    route: 'POST /users/*/members/*/aggregate',
    run: async (w, arm) => {
      await connectMxBank(w, 'failed');
      await untilNextStep(w, () => screen.getByRole('button', { name: 'Try again' }));
      await arm();
      await w.user.click(screen.getByRole('button', { name: 'Try again' }));
      await screen.findByText('We received a response we did not understand. Please try again.');
      expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    },
  },
  {
    name: 'accounts',
    route: 'GET /users/*/members/*/accounts',
    run: async (w, arm) => {
      await arm();
      await connectMxBank(w, 'password');
      await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
      await screen.findByText(/we could not load its accounts/);
      expect(screen.getByRole('button', { name: 'Done' })).toBeInTheDocument();
    },
  },
  {
    name: 'member (update mode)',
    route: 'GET /users/*/members/*',
    run: async (w, arm) => {
      const guid = await w.server.createMember(w.userGuid, 'denied');
      await arm();
      w.view.unmount();
      await renderWidget({ server: w.server, userGuid: w.userGuid, params: { current_member_guid: guid } });
      await screen.findByText('We received a response we did not understand. Please try again.');
      expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    },
  },
];

describe('hostile and broken responses', () => {
  for (const [kind, body] of BAD_BODIES) {
    it.each(CASES)(`$name answering ${kind}: a clear message and a way on`, async ({ route, run }) => {
      const w = await renderWidget();
      await run(w, () => serveRaw(w.server, route, body));
      expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
      // what went wrong technically is the partner's to read, in the console: never a path or field on screen
      expect(document.body).not.toHaveTextContent(/Unexpected response|\/users\/|field "|Invalid input|HTTP \d/);
    });
  }

  it('an institution name with HTML renders as text', async () => {
    const server = startMockServer();
    await serveRaw(
      server,
      'GET /institutions/favorites',
      JSON.stringify({
        institutions: [
          {
            code: 'evil',
            name: XSS,
            url: 'javascript:alert(1)',
            supports_oauth: false,
            small_logo_url: 'javascript:alert(1)',
          },
        ],
        pagination: { current_page: 1, per_page: 25, total_entries: 1, total_pages: 1 },
      }),
    );
    await renderWidget({ server });
    const option = await screen.findByRole('option', { name: XSS });
    expect(option).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('img[src^="javascript"]')).toBeNull();
  });

  it('a challenge label with HTML renders as text', async () => {
    const w = await renderWidget();
    await serveStatus(w.server, {
      connection_status: 'CHALLENGED',
      is_being_aggregated: true,
      challenges: [{ guid: 'CHL-1', type: 'TEXT', label: XSS }],
    });
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await submitCredentials(w, 'password');
    expect(await screen.findByRole('textbox', { name: XSS })).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('a step that throws shows its fallback instead of a blank widget', () => {
    const Broken = () => {
      throw new Error('render failed');
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary fallback={() => <p>This step stopped working.</p>}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByText('This step stopped working.')).toBeInTheDocument();
    quiet.mockRestore();
  });
});
