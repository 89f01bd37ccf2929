import { render } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectWidgetCallbacks } from './ConnectWidget';
import { useConnectWidget } from './react';

function Embed({ url, callbacks }: { url: string; callbacks: ConnectWidgetCallbacks }) {
  const ref = useRef<HTMLDivElement>(null);
  useConnectWidget(ref, url, callbacks);
  return <div ref={ref} data-testid="host" />;
}

describe('useConnectWidget', () => {
  it('mounts the iframe, forwards to the latest callbacks, and unmounts cleanly', () => {
    const first = vi.fn();
    const second = vi.fn();
    const view = render(<Embed url="https://widget.test/?a=1" callbacks={{ onPing: first }} />);
    const iframe = view.getByTestId('host').querySelector('iframe');
    expect(iframe).not.toBeNull();
    view.rerender(<Embed url="https://widget.test/?a=1" callbacks={{ onPing: second }} />);
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://widget.test',
        source: iframe?.contentWindow ?? null,
        data: { mx: true, type: 'mx/ping', metadata: { user_guid: 'U', session_guid: 'S' } },
      }),
    );
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(document.querySelector('iframe')).toBeNull();
  });
});
