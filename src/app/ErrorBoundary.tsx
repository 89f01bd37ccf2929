import { Component, type ReactNode } from 'react';
import { isScreenLoadError } from './lazyScreen';

interface Props {
  /** What shows instead of the children: `reset` mounts them anew, `error` is what they threw. */
  fallback: (reset: () => void, error: unknown) => ReactNode;
  children: ReactNode;
}

interface State {
  failed: boolean;
  error: unknown;
}

/** Keeps a crash in one step from blanking the whole iframe. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown) {
    // the failure is on screen: whatever mounts the screen next (Try again, choosing it again) loads it anew
    if (isScreenLoadError(error)) error.shown();
  }

  override render() {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false, error: undefined }), this.state.error)
      : this.props.children;
  }
}
