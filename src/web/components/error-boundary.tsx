import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Catches a page that throws while rendering, so the menu and header stay usable; `fallback` says what to
 * do. Keyed by location in the layout, so moving to another page starts afresh.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; fallback: (error: unknown) => ReactNode },
  { error: unknown }
> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('page failed', error, info.componentStack);
  }

  override render() {
    return this.state.error !== undefined ? this.props.fallback(this.state.error) : this.props.children;
  }
}
