import * as v from 'valibot';
import { userGuidOption } from '../../sdk/src/contract/widgetOptions';
import { configSchema, newSessionGuid, type FallbackConfig } from './config';

const fallbackSchema = v.object({ ...configSchema.entries, user_guid: v.optional(userGuidOption) });

/**
 * What a refused widget URL still gives (its own chunk: only a refused URL loads it): the options
 * that were valid, defaults for the rest, so the widget can reach its host (the parent origin, the
 * WebView scheme) to say which option it refused, in the branding it had right.
 */
export function fallbackOf(raw: Readonly<Record<string, string>>): FallbackConfig {
  const entries: Record<string, v.GenericSchema> = configSchema.entries;
  const valid = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => {
      const option = entries[key];
      return option !== undefined && v.safeParse(option, value).success;
    }),
  );
  const parsed = v.safeParse(fallbackSchema, valid);
  const options = parsed.success ? parsed.output : v.parse(fallbackSchema, {});
  return { ...options, session_guid: options.session_guid ?? newSessionGuid() };
}
