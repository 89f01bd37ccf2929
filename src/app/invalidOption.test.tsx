import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config';
import { fallbackOf } from '../config/fallback';
import { en } from '../i18n/en';
import { InvalidOptionScreen } from './blockedStart';

/** A widget URL someone edited, as main.tsx meets it: the option refused, and the ids it still had. */
function openRefused(query: string, hostListens = true) {
  const parsed = parseConfig(query);
  if (parsed.ok) throw new Error('expected the URL to be refused');
  const messages: unknown[] = [];
  const { user_guid, session_guid } = fallbackOf(parsed.raw);
  const post = hostListens ? (message: unknown) => messages.push(message) : null;
  const ids = user_guid ? { user_guid, session_guid } : { session_guid };
  render(<InvalidOptionScreen option={parsed.param} post={post} ids={ids} catalog={en} />);
  return messages;
}

describe('a widget URL with an option the widget cannot use', () => {
  it('tells the host which option, shows a plain message, and Close sends the usual way out', async () => {
    const messages = openRefused('user_guid=USR-1&session_guid=SES-1&color_scheme=purple');
    expect(messages).toEqual([
      {
        type: 'connect-widget/invalidOption',
        metadata: { option: 'color_scheme', user_guid: 'USR-1', session_guid: 'SES-1' },
      },
    ]);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('opened with settings it can’t use');
    // no option name, value or validator words for the user
    expect(alert.textContent).not.toMatch(/color_scheme|purple|must be|invalid/i);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(messages).toContainEqual({
      mx: true,
      type: 'mx/connect/connected/primaryAction',
      metadata: { user_guid: 'USR-1', session_guid: 'SES-1' },
    });
  });

  it('names a bad user guid without sending it', () => {
    const messages = openRefused('user_guid=not-a-guid');
    expect(messages).toEqual([
      { type: 'connect-widget/invalidOption', metadata: { option: 'user_guid', session_guid: expect.any(String) } },
    ]);
  });

  it('without a host to tell, shows the message and no button', () => {
    openRefused('user_guid=USR-1&mode=spy', false);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
