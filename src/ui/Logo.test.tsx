import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Logo } from './Logo';

describe('Logo', () => {
  it('loads only what the widget’s CSP allows: the server’s /logos route or a data: image', () => {
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
      expect(container.querySelector('img') !== null, src).toBe(shown);
      if (!shown) expect(screen.getByText('MB')).toBeInTheDocument();
      unmount();
    }
  });
});
