import { useEffect, useMemo } from 'react';
import type { Root } from 'react-dom/client';
import { INVALID_OPTION_MESSAGE_TYPE } from '../../sdk/src/contract/events';
import type { ConfigResult } from '../config/config';
import { fallbackOf } from '../config/fallback';
import { createEmitter, EmitterContext, type Post } from '../embedding/emitter';
import { useDone } from '../embedding/useDone';
import { createTranslator, type Messages } from '../i18n/translate';
import { Button } from '../ui/Button';
import { BlockedScreen } from './BlockedScreen';
import { applyOptionsTheme, hostChannel } from './hostChannel';

/**
 * A widget URL with an option the widget cannot use: the host hears which one (once, by name; the
 * ids only when they were valid), the user reads a plain message, and Close (when a host listens)
 * sends the widget's usual way out. `post` is the channel to the host, null when none listens.
 */
export function InvalidOptionScreen({
  option,
  post,
  ids,
  catalog,
}: {
  option: string;
  post: Post | null;
  ids: { user_guid?: string; session_guid: string };
  catalog: Messages;
}) {
  const emitter = useMemo(
    () => createEmitter(post, { user_guid: ids.user_guid ?? '', session_guid: ids.session_guid }),
    [post, ids],
  );
  useEffect(() => {
    post?.({ type: INVALID_OPTION_MESSAGE_TYPE, metadata: { option, ...ids } });
  }, [post, option, ids]);
  return (
    <EmitterContext.Provider value={emitter}>
      <BlockedScreen reason="config" catalog={catalog}>
        {post ? <CloseButton label={createTranslator(catalog)('error.invalidOption.close')} /> : null}
      </BlockedScreen>
    </EmitterContext.Provider>
  );
}

function CloseButton({ label }: { label: string }) {
  const done = useDone();
  return <Button onClick={done}>{label}</Button>;
}

/** The wrong (or no) host page: no events at all, just an explanation. */
export function showWrongHost(root: Root, catalog: Messages) {
  root.render(<BlockedScreen reason="embedding" catalog={catalog} />);
}

/**
 * Starts a widget whose URL it refuses (this module is its own chunk: only a blocked widget loads it). The partner
 * reads which option and why in the console and the host in an event (never the value); the user,
 * a plain message with Close.
 */
export async function startRefused(root: Root, refused: Extract<ConfigResult, { ok: false }>, catalog: Messages) {
  console.warn(`Connect widget: the widget URL's ${refused.param} ${refused.message}.`);
  const options = fallbackOf(refused.raw);
  const themed = applyOptionsTheme(options);
  const host = await hostChannel(options);
  await themed;
  const ids = options.user_guid
    ? { user_guid: options.user_guid, session_guid: options.session_guid }
    : { session_guid: options.session_guid };
  root.render(<InvalidOptionScreen option={refused.param} post={host?.post ?? null} ids={ids} catalog={catalog} />);
}
