import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlowStore, FlowStoreContext } from '../flow/store';
import { FocusPolicyContext, moveFocus, watchFocus, type FocusPolicy } from './focus';
import { StepHeading } from './StepHeading';

const here: FocusPolicy = { userIsHere: () => true };
const away: FocusPolicy = { userIsHere: () => false };

/** The widget's document as the browser reports it: focused (the user is in it) or not. */
function documentFocused(focused: boolean) {
  vi.spyOn(document, 'hasFocus').mockReturnValue(focused);
}

describe('moveFocus', () => {
  it('focuses without scrolling any page when the user is in the widget', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const focus = vi.spyOn(button, 'focus');
    expect(moveFocus(button, here)).toBe(true);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(button).toHaveFocus();
    button.remove();
  });

  it('leaves focus where it is when the user is elsewhere, and says so', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const focus = vi.spyOn(button, 'focus');
    expect(moveFocus(button, away)).toBe(false);
    expect(focus).not.toHaveBeenCalled();
    expect(moveFocus(null, here)).toBe(false);
    button.remove();
  });
});

describe('watchFocus', () => {
  let root: HTMLElement;
  let watching: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    root = document.createElement('div');
    root.innerHTML = '<h1>Step</h1><button>Go</button>';
    document.body.append(root);
    documentFocused(false);
    watching = watchFocus(root);
  });
  afterEach(() => {
    watching.dispose();
    root.remove();
  });

  it('counts the user in after a press or a key inside, and out when the window loses focus', () => {
    expect(watching.userIsHere()).toBe(false);
    root.querySelector('button')?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(watching.userIsHere()).toBe(true);
    window.dispatchEvent(new FocusEvent('blur'));
    expect(watching.userIsHere()).toBe(false);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(watching.userIsHere()).toBe(true);
  });

  it("trusts the document's own focus", () => {
    documentFocused(true);
    expect(watching.userIsHere()).toBe(true);
  });

  it('a focused button that removes itself hands focus to the heading, never to <body>', async () => {
    const button = root.querySelector('button');
    button?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    button?.focus();
    button?.remove();
    await act(() => Promise.resolve());
    expect(document.activeElement).not.toBe(document.body);
    expect(root.querySelector('h1')).toHaveFocus();
  });

  it('a focused button that is disabled hands focus to the heading too', async () => {
    const button = root.querySelector('button');
    button?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    button?.focus();
    button?.setAttribute('disabled', '');
    await act(() => Promise.resolve());
    expect(root.querySelector('h1')).toHaveFocus();
  });

  it('takes nothing when the user is not in the widget', async () => {
    const button = root.querySelector('button');
    button?.focus();
    window.dispatchEvent(new FocusEvent('blur'));
    button?.remove();
    await act(() => Promise.resolve());
    expect(document.activeElement).toBe(document.body);
  });
});

describe('StepHeading', () => {
  function renderHeading(policy: FocusPolicy, history: ('search' | 'connecting')[]) {
    const store = createFlowStore({ step: 'connected' });
    store.setState({ history });
    render(
      <FlowStoreContext.Provider value={store}>
        <FocusPolicyContext.Provider value={policy}>
          <StepHeading>Success!</StepHeading>
        </FocusPolicyContext.Provider>
      </FlowStoreContext.Provider>,
    );
    return store;
  }

  it('takes focus when the user is in the widget', () => {
    const store = renderHeading(here, ['connecting']);
    expect(screen.getByRole('heading', { name: 'Success!' })).toHaveFocus();
    expect(store.getState().announcement).toBe('');
  });

  it('a step that arrives while the user is elsewhere is announced instead', () => {
    const store = renderHeading(away, ['connecting']);
    expect(screen.getByRole('heading', { name: 'Success!' })).not.toHaveFocus();
    expect(store.getState().announcement).toBe('Success!');
  });

  it('the first screen is neither focused nor announced when the user is elsewhere', () => {
    const store = renderHeading(away, []);
    expect(document.activeElement).toBe(document.body);
    expect(store.getState().announcement).toBe('');
  });
});
