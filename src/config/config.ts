import * as v from 'valibot';
import {
  flagOption,
  originOption,
  parseWidgetOptions,
  sessionGuidOption,
  userGuidOption,
  widgetOptionsShape,
} from '../../sdk/src/contract/widgetOptions';

/**
 * The widget URL's query string, validated once at start-up: the options a partner sets (the
 * contract's widgetOptionsShape, which the partner API checks with too) and what the server adds.
 */
export const configSchema = v.object({
  ...widgetOptionsShape,
  parent_origin: v.optional(originOption),
  user_guid: userGuidOption,
  session_guid: v.optional(sessionGuidOption),
  /** demo only: run unframed (opened directly in a tab) */
  allow_top_level: flagOption,
});

export type WidgetConfig = v.InferOutput<typeof configSchema> & { session_guid: string };

/** What the widget can still use of a URL it refuses: the options that were valid, defaults for the rest. */
export type FallbackConfig = Omit<WidgetConfig, 'user_guid'> & { user_guid?: string };

/** How OAuth leaves the widget: a popup it opens (browser), or a URL the app opens (webview). */
export function oauthReferralSource(config: Pick<WidgetConfig, 'oauth_referral_source' | 'is_mobile_webview'>) {
  return config.oauth_referral_source ?? (config.is_mobile_webview ? 'APP' : 'BROWSER');
}

/** A refused URL: the first option at fault (named, never its value) and the URL's raw options (see fallbackOf). */
export type ConfigResult =
  { ok: true; config: WidgetConfig } | { ok: false; param: string; message: string; raw: Record<string, string> };

export function newSessionGuid(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `SES-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Reads the widget URL's query: the config, or the first option at fault. */
export function parseConfig(search: string): ConfigResult {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of Object.keys(configSchema.entries)) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const checked = parseWidgetOptions(configSchema, raw);
  if (!checked.ok) return { ok: false, param: checked.option, message: checked.message, raw };
  return {
    ok: true,
    config: { ...checked.options, session_guid: checked.options.session_guid ?? newSessionGuid() },
  };
}
