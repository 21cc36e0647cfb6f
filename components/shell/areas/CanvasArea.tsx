import { EmptyState } from '@/components/ui/EmptyState';
import { Area, AreaTitle } from './Area';
import styles from './Area.module.css';

/** The workflow canvas. Empty until the workflow editor lands. */
export function CanvasArea() {
  return (
    <Area label="Canvas" header={<AreaTitle>Canvas</AreaTitle>} bodyClassName={styles.canvas}>
      <EmptyState icon="graph" title="Nothing on the canvas yet">
        <p>
          Build workflows here by connecting skills into a graph — each output wired to the next input — then run them and follow
          every step in the trace. The canvas arrives with the workflow editor.
        </p>
        <p>
          Meanwhile, the kernel can be scripted from the browser console: try <code>weft.help()</code>.
        </p>
      </EmptyState>
    </Area>
  );
}
