/**
 * Host branding (brand_color, corner_radius) turned into the widget's CSS variables, with the
 * brand colour nudged darker (light scheme) or lighter (dark scheme) until text on it, and it as
 * text, keeps WCAG AA contrast (4.5:1).
 */
export const AA_CONTRAST = 4.5;
const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#0f172a';

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [parseHex(a), parseHex(b)].map((c) => (c ? luminance(c) : 0)) as [number, number];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes towards black (amount < 0) or white (amount > 0) until the colour contrasts with `against`. */
function adjustUntilReadable(color: string, against: string, direction: 'darker' | 'lighter'): string {
  const start = parseHex(color);
  if (!start) return color;
  const target = direction === 'darker' ? 0 : 255;
  for (let step = 0; step <= 20; step += 1) {
    const mix = step / 20;
    const candidate = toHex(start.map((c) => c + (target - c) * mix) as Rgb);
    if (contrast(candidate, against) >= AA_CONTRAST) return candidate;
  }
  return direction === 'darker' ? '#000000' : '#ffffff';
}

export interface Theme {
  brand: string;
  brandContrast: string;
  link: string;
  radius: string;
}

export function themeFor(options: {
  brandColor?: string;
  cornerRadius?: number;
  scheme: 'light' | 'dark';
}): Partial<Theme> {
  const theme: Partial<Theme> = {};
  if (options.brandColor && parseHex(options.brandColor)) {
    const dark = options.scheme === 'dark';
    const background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    const brand = adjustUntilReadable(
      toHex(parseHex(options.brandColor) as Rgb),
      background,
      dark ? 'lighter' : 'darker',
    );
    theme.brand = brand;
    theme.link = brand;
    // text on the brand colour: the scheme's background colour always reaches 4.5:1 after the adjustment
    theme.brandContrast = background;
  }
  if (options.cornerRadius !== undefined) theme.radius = `${options.cornerRadius}px`;
  return theme;
}

export function applyTheme(theme: Partial<Theme>, root: HTMLElement = document.documentElement): void {
  const vars: Record<keyof Theme, string> = {
    brand: '--color-brand',
    brandContrast: '--color-brand-contrast',
    link: '--color-link',
    radius: '--radius-brand',
  };
  for (const [key, value] of Object.entries(theme) as [keyof Theme, string][]) root.style.setProperty(vars[key], value);
}
