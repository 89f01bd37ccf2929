import type { Root } from 'react-dom/client';
import { createApiClient } from '../api/client';
import type { WidgetConfig } from '../config/config';
import type { AppMessageSource } from '../embedding/appChannel';
import type { Emitter } from '../embedding/emitter';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/translate';
import { withEarlyReads } from './earlyReads';
import { prefetchFirstReads } from './prefetchFirstReads';
import { createQueryClient } from './queryClient';
import { Widget } from './Widget';
import type { ReactNode } from 'react';

export interface MountOptions {
  root: Root;
  config: WidgetConfig;
  /** the session token taken from the URL (embedding/sessionToken.ts); null in the demo */
  sessionToken: string | null;
  emitter: Emitter;
  framed: boolean;
  appMessages: AppMessageSource | undefined;
  locale: Locale;
  /** the first screen's messages, a copy the later ones are added into (i18n/laterMessages.ts) */
  catalog: Messages;
  /** what stays on screen until the first reads answer (the first paint, when it showed) */
  waiting?: ReactNode;
}

/**
 * The widget proper, after main.tsx's checks (options, host page, catalog): the API client (which
 * takes over the page's early reads), the server cache with the first reads started in it, then
 * one render into `root`. Its own chunk: the first paint of the
 * search step (SearchShell) needs none of it.
 */
export function mountWidget(options: MountOptions): void {
  const { root, config, sessionToken, locale, catalog } = options;
  const api = createApiClient({ sessionToken, fetch: withEarlyReads((input, init) => globalThis.fetch(input, init)) });
  const queryClient = createQueryClient();
  prefetchFirstReads(queryClient, api, config);
  root.render(
    <Widget
      config={config}
      api={api}
      queryClient={queryClient}
      emitter={options.emitter}
      framed={options.framed}
      appMessages={options.appMessages}
      locale={locale}
      catalog={catalog}
      waiting={options.waiting}
    />,
  );
}
