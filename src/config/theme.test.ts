import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { applyTheme, contrast, themeFor } from './theme';

const COLORS = ['#ffff00', '#00ff00', '#ff6600', '#1d4ed8', '#000080', '#ffffff', '#000000', '#777', '#e11d48'];

describe('theming', () => {
  it.each(COLORS.flatMap((c) => [[c, 'light'] as const, [c, 'dark'] as const]))(
    '%s in %s keeps AA contrast as text and behind text',
    (color, scheme) => {
      const theme = themeFor({ brandColor: color, scheme });
      const background = scheme === 'dark' ? '#0f172a' : '#ffffff';
      expect(contrast(theme.brand ?? '', background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme.brandContrast ?? '', theme.brand ?? '')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('leaves an already readable colour alone', () => {
    expect(themeFor({ brandColor: '#1d4ed8', scheme: 'light' }).brand).toBe('#1d4ed8');
  });

  it('sets the CSS variables the styles read', () => {
    const root = document.createElement('div');
    applyTheme(themeFor({ brandColor: '#0f766e', cornerRadius: 12, scheme: 'light' }), root);
    expect(root.style.getPropertyValue('--color-brand')).toBe('#0f766e');
    expect(root.style.getPropertyValue('--radius-brand')).toBe('12px');
  });

  it.each([
    ['brand_color=red', 'brand_color'],
    ['brand_color=%23abcd', 'brand_color'],
    ['corner_radius=40', 'corner_radius'],
    ['corner_radius=-1', 'corner_radius'],
  ])('a bad %s is named', (query, param) => {
    const result = parseConfig(`user_guid=USR-1&${query}`);
    expect(result).toMatchObject({ ok: false, param });
  });

  it('accepts a valid brand', () => {
    expect(parseConfig('user_guid=USR-1&brand_color=%23ff6600&corner_radius=0')).toMatchObject({
      ok: true,
      config: { brand_color: '#ff6600', corner_radius: 0 },
    });
  });
});
