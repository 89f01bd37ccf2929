import { describe, expect, it } from 'vitest';
import { oauthReferralSource, parseConfig } from './config';

const base = 'user_guid=USR-1&is_mobile_webview=true';

describe('WebView options', () => {
  it('defaults the scheme to mx and OAuth to APP; a browser stays BROWSER', () => {
    const parsed = parseConfig(base);
    expect(parsed.ok && parsed.config.ui_message_webview_url_scheme).toBe('mx');
    expect(parsed.ok && oauthReferralSource(parsed.config)).toBe('APP');
    const browser = parseConfig('user_guid=USR-1');
    expect(browser.ok && oauthReferralSource(browser.config)).toBe('BROWSER');
    const forced = parseConfig(`${base}&oauth_referral_source=BROWSER`);
    expect(forced.ok && oauthReferralSource(forced.config)).toBe('BROWSER');
  });

  it('names ui_message_version when it is not 4', () => {
    expect(parseConfig(`${base}&ui_message_version=4`).ok).toBe(true);
    expect(parseConfig(`${base}&ui_message_version=3`)).toMatchObject({
      ok: false,
      param: 'ui_message_version',
      message: 'must be 4',
    });
  });

  it('refuses schemes a browser would act on, and redirect URLs that are not https or an app scheme', () => {
    for (const scheme of ['javascript', 'https', 'data', 'file', 'My App', '1app']) {
      expect(parseConfig(`${base}&ui_message_webview_url_scheme=${encodeURIComponent(scheme)}`)).toMatchObject({
        ok: false,
        param: 'ui_message_webview_url_scheme',
      });
    }
    expect(parseConfig(`${base}&ui_message_webview_url_scheme=myapp`).ok).toBe(true);
    for (const url of ['https://app.example/oauth', 'myapp://oauth-done']) {
      expect(parseConfig(`${base}&client_redirect_url=${encodeURIComponent(url)}`).ok).toBe(true);
    }
    for (const url of ['http://app.example/oauth', 'javascript:alert(1)', 'not a url']) {
      expect(parseConfig(`${base}&client_redirect_url=${encodeURIComponent(url)}`)).toMatchObject({
        ok: false,
        param: 'client_redirect_url',
      });
    }
  });
});
