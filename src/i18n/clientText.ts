import { useCallback } from 'react';
import type { MessageKey } from './en';
import { useT } from './translate';

/** A message naming the partner's app (`{client}`), with its own phrasing for no name. */
export type ClientKey = {
  [K in MessageKey]: `${K}.noClient` extends MessageKey ? K : never;
}[MessageKey];

/**
 * Messages that name the partner's app: with `client_name`, `key` with `{client}` filled in;
 * without it, `${key}.noClient`, a sentence written to read naturally without a name ("you
 * authorize this app", never "you authorize This app"). `clientName`: the widget's `client_name`.
 */
export function useClientText(clientName: string | undefined) {
  const t = useT();
  return useCallback(
    (key: ClientKey, vars: Record<string, string | number> = {}) =>
      clientName ? t(key, { ...vars, client: clientName }) : t(`${key}.noClient`, vars),
    [t, clientName],
  );
}
