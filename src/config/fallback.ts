import { z } from 'zod/mini';
import { userGuidOption } from '../../sdk/src/contract/widgetOptions';
import { configSchema, newSessionGuid, type FallbackConfig } from './config';

const fallbackSchema = z.object({ ...configSchema.shape, user_guid: z.optional(userGuidOption) });

/**
 * What a refused widget URL still gives (its own chunk: only a refused URL loads it): the options
 * that were valid, defaults for the rest, so the widget can reach its host (the parent origin, the
 * WebView scheme) to say which option it refused, in the branding it had right.
 */
export function fallbackOf(raw: Readonly<Record<string, string>>): FallbackConfig {
  const shape: Record<string, z.ZodMiniType> = configSchema.shape;
  const valid = Object.fromEntries(Object.entries(raw).filter(([key, value]) => shape[key]?.safeParse(value).success));
  const parsed = fallbackSchema.safeParse(valid);
  const options = parsed.success ? parsed.data : fallbackSchema.parse({});
  return { ...options, session_guid: options.session_guid ?? newSessionGuid() };
}
