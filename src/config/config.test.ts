import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { fallbackOf } from './fallback';

const base = 'user_guid=USR-1&parent_origin=https://partner.example';

describe('widget URL config', () => {
  it('reads MX parameter names with defaults', () => {
    const result = parseConfig(
      `?${base}&color_scheme=dark&current_institution_code=mxbank&disable_institution_search=true`,
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        user_guid: 'USR-1',
        color_scheme: 'dark',
        mode: 'aggregation',
        disable_institution_search: true,
        include_transactions: true,
      },
    });
    if (result.ok) expect(result.config.session_guid).toMatch(/^SES-/);
  });

  it.each([
    ['', 'user_guid', 'is required'],
    [`${base}&color_scheme=purple`, 'color_scheme', 'must be one of light, dark'],
    [`${base}&mode=spy`, 'mode', 'must be one of aggregation, verification'],
    [`${base}&locale=de`, 'locale', 'must be one of en, es, fr-CA'],
    ['user_guid=USR-1&parent_origin=javascript:alert(1)', 'parent_origin', 'must be an origin'],
    ['user_guid=USR-1&parent_origin=https://a.example/path', 'parent_origin', 'must be an origin'],
    [
      `user_guid=USR-1&parent_origin=https://${'a'.repeat(300)}.example`,
      'parent_origin',
      'must be at most 268 characters',
    ],
    [`${base}&current_member_guid=nope`, 'current_member_guid', 'MBR-'],
    [`${base}&disable_institution_search=maybe`, 'disable_institution_search', 'must be true or false'],
    [`${base}&disable_institution_search=true`, 'disable_institution_search', 'needs current_institution_code'],
  ])('a bad value is named: %s', (query, param, message) => {
    const result = parseConfig(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.param).toBe(param);
      expect(result.message).toContain(message);
    }
  });

  it.each(['en', 'es', 'fr-CA', 'en-US', 'es-MX', 'fr'])('takes the locale %s', (locale) => {
    expect(parseConfig(`${base}&locale=${locale}`).ok).toBe(true);
  });

  it('keeps what it can of a refused URL, so the widget can still tell its host', () => {
    const result = parseConfig(`${base}&session_guid=SES-7&color_scheme=purple&is_mobile_webview=true&locale=es`);
    expect(result).toMatchObject({ ok: false, param: 'color_scheme' });
    if (result.ok) return;
    expect(fallbackOf(result.raw)).toMatchObject({
      user_guid: 'USR-1',
      session_guid: 'SES-7',
      parent_origin: 'https://partner.example',
      is_mobile_webview: true,
      locale: 'es',
      color_scheme: 'light',
    });
    const noUser = parseConfig('user_guid=nope&parent_origin=https://partner.example');
    expect(noUser).toMatchObject({ ok: false, param: 'user_guid' });
    if (noUser.ok) return;
    const fallback = fallbackOf(noUser.raw);
    expect(fallback).toMatchObject({
      parent_origin: 'https://partner.example',
      session_guid: expect.stringMatching(/^SES-/),
    });
    expect(fallback.user_guid).toBeUndefined();
  });
});
