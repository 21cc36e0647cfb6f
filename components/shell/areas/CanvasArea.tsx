'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { Canvas, CanvasToolbar } from '@/components/canvas';
import { Area, AreaTitle } from './Area';
import styles from './Area.module.css';

/** The workflow canvas: skills wired into a graph, run, and followed node by node. */
export function CanvasArea() {
  return (
    <ReactFlowProvider>
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
    </ReactFlowProvider>
  );
}
