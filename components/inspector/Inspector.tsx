'use client';

import { EmptyState } from '@/components/ui/EmptyState';
import { ProcessDetails } from './ProcessDetails';
import { useSelection } from './useSelection';

/** Details of whatever is selected (a process today). */
export function Inspector() {
  const selection = useSelection((s) => s.selection);
  const select = useSelection((s) => s.select);
  if (!selection) {
    return (
      <EmptyState icon="inspect" title="Nothing selected" compact>
        Select a node, span or process to see its details.
      </EmptyState>
    );
  }
  return <ProcessDetails pid={selection.pid} onClose={() => select(null)} />;
}
