'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { Canvas, CanvasToolbar } from '@/components/canvas';
import { TraceOverlay } from '@/components/traces';
import { Area, AreaTitle } from './Area';
import styles from './Area.module.css';

/** The workflow canvas: skills wired into a graph, run, and followed node by node; an open trace covers it. */
export function CanvasArea() {
  return (
    <ReactFlowProvider>
      <TraceOverlay>
        <Area
          label="Canvas"
          header={
            <>
              <AreaTitle>Canvas</AreaTitle>
              <CanvasToolbar />
            </>
          }
          bodyClassName={styles.canvas}
        >
          <Canvas />
        </Area>
      </TraceOverlay>
    </ReactFlowProvider>
  );
}
