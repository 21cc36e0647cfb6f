'use client';

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PreviewError } from './PreviewError';

interface Props {
  /** What is being shown, for the message ("the plot", "output scene"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a preview that throws while rendering, so one bad output never takes the page down.
 * Give it a `key` that changes with the value to try again on new output.
 */
export class PreviewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Preview of ${this.props.what} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PreviewError title={`Could not show ${this.props.what}`}>{error.message}</PreviewError>;
  }
}
