import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

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
    [`${base}&color_scheme=purple`, 'color_scheme', ''],
    [`${base}&mode=spy`, 'mode', ''],
    ['user_guid=USR-1&parent_origin=javascript:alert(1)', 'parent_origin', 'must be an origin'],
    ['user_guid=USR-1&parent_origin=https://a.example/path', 'parent_origin', 'must be an origin'],
    [`${base}&current_member_guid=nope`, 'current_member_guid', 'MBR-'],
    [`${base}&disable_institution_search=maybe`, 'disable_institution_search', ''],
    [`${base}&disable_institution_search=true`, 'disable_institution_search', 'needs current_institution_code'],
  ])('a bad value is named: %s', (query, param, message) => {
    const result = parseConfig(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.param).toBe(param);
      expect(result.message).toContain(message);
    }
  });
});
