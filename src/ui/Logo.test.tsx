import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Logo } from './Logo';

describe('Logo', () => {
  it('loads only what the widget’s CSP allows: the server’s /logos route or a data: image', async () => {
    const cases = [
      ['/logos/aHR0cHM.490000.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', true],
      ['data:image/png;base64,iVBORw0KGgo=', true],
      ['https://content.moneydesktop.com/storage/MD_Assets/Ipad%20Logos/50x50/default_50x50.png', false],
      ['/logos/../api/users', false],
      ['//evil.example/logos/x', false],
      ['javascript:alert(1)', false],
    ] as const;
    for (const [src, shown] of cases) {
      const { container, unmount } = render(<Logo name="MX Bank" src={src} />);
      await waitFor(() => expect(container.querySelector('img') !== null, src).toBe(shown));
      if (!shown) expect(screen.getByText('MB')).toBeInTheDocument();
      unmount();
    }
  });

  it('shows the first screen’s logos once it has been painted, and later ones at once', async () => {
    // a fresh module: the page has painted nothing yet
    vi.resetModules();
    const { Logo: FreshLogo } = await import('./Logo');
    const logo = '/logos/aHR0cHM.490000.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
    const first = render(<FreshLogo name="MX Bank" src={logo} />);
    // the image's place is kept (no layout shift), empty as an image is until it loads
    const place = first.container.firstElementChild;
    expect(place?.tagName).toBe('SPAN');
    expect(place).toHaveStyle({ width: '40px', height: '40px' });
    expect(place).toBeEmptyDOMElement();
    await waitFor(() => expect(first.container.querySelector('img')).not.toBeNull());
    first.unmount();
    const later = render(<FreshLogo name="MX Bank" src={logo} />);
    expect(later.container.querySelector('img')).not.toBeNull();
  });
});
