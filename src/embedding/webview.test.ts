import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeAppMessage } from './appMessages';
import { openExternal } from './openExternal';
import { createNavigationQueue, webviewPost, webviewUrl } from './webview';

afterEach(() => vi.restoreAllMocks());

describe('WebView mode: events as navigations', () => {
  it('drops the mx/ prefix and carries the metadata as encoded JSON', () => {
    expect(
      webviewUrl('myapp', { mx: true, type: 'mx/connect/memberConnected', metadata: { member_guid: 'MBR-1' } }),
    ).toBe(`myapp://connect/memberConnected?metadata=${encodeURIComponent('{"member_guid":"MBR-1"}')}`);
    expect(webviewUrl('mx', { mx: true, type: 'mx/load', metadata: {} })).toBe('mx://load?metadata=%7B%7D');
    // ours keep their namespace; an analytic pageview's path joins its metadata
    expect(
      webviewUrl('myapp', { type: 'connect-widget/analyticPageview', path: '/search', metadata: { user_guid: 'U' } }),
    ).toBe(
      `myapp://connect-widget/analyticPageview?metadata=${encodeURIComponent('{"user_guid":"U","path":"/search"}')}`,
    );
    expect(webviewUrl('myapp', 'not a message')).toBeNull();
  });

  it('events fired in one task all arrive, in order, one per task', () => {
    const tasks: (() => void)[] = [];
    const seen: string[] = [];
    const enqueue = createNavigationQueue(
      (url) => seen.push(url),
      (run) => tasks.push(run),
    );
    enqueue('a://1');
    enqueue('a://2');
    enqueue('a://3');
    expect(seen).toEqual([]);
    let ran = 0;
    while (tasks.length > 0) {
      const before = seen.length;
      tasks.shift()?.();
      ran += 1;
      // never more than one navigation per task
      expect(seen.length - before).toBeLessThanOrEqual(1);
    }
    expect(seen).toEqual(['a://1', 'a://2', 'a://3']);
    expect(ran).toBe(4);
  });

  it('sends no resize messages (there is no frame to size)', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const post = webviewPost('myapp', (url) => seen.push(url));
    post({ type: 'connect-widget/resize', height: 400 });
    post({ mx: true, type: 'mx/connect/loaded', metadata: { initial_step: 'search' } });
    vi.runAllTimers();
    vi.useRealTimers();
    expect(seen).toEqual([`myapp://connect/loaded?metadata=${encodeURIComponent('{"initial_step":"search"}')}`]);
  });
});

describe('what the app injects', () => {
  it('reads oauthComplete and navigation back, as objects or JSON strings', () => {
    expect(decodeAppMessage({ mx: true, type: 'oauthComplete/success', metadata: { member_guid: 'MBR-1' } })).toEqual({
      kind: 'oauthComplete',
      memberGuid: 'MBR-1',
      status: 'success',
    });
    expect(
      decodeAppMessage(JSON.stringify({ type: 'oauthComplete/error', metadata: { member_guid: 'MBR-1' } })),
    ).toMatchObject({ status: 'error' });
    expect(decodeAppMessage({ mx: true, type: 'mx/navigation', metadata: { action: 'back' } })).toEqual({
      kind: 'back',
    });
  });

  it('refuses anything else', () => {
    expect(decodeAppMessage({ type: 'oauthComplete/success', metadata: {} })).toBeNull();
    expect(decodeAppMessage({ type: 'mx/connect/memberDeleted', metadata: { member_guid: 'x' } })).toBeNull();
    expect(decodeAppMessage('{not json')).toBeNull();
    expect(decodeAppMessage('x'.repeat(5_000))).toBeNull();
    expect(decodeAppMessage(null)).toBeNull();
  });
});

describe('external links in a WebView', () => {
  it('opens https with noopener; refuses anything else and logs it without the query', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(openExternal('https://bank.example/forgot?ref=1')).toBe(true);
    expect(open).toHaveBeenCalledWith('https://bank.example/forgot?ref=1', '_blank', 'noopener');
    expect(openExternal('http://bank.example/login?token=secret')).toBe(false);
    expect(openExternal('javascript:alert(1)')).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.flat().join(' ')).toContain('http://bank.example/login');
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret');
  });
});
