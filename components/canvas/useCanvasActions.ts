'use client';

/**
 * Every canvas command in one place, for the toolbar, the keyboard and the node panel: run, stop,
 * predict, save, open, new, import/export, layout, fit, undo/redo, delete, copy and paste.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import { parseWorkflow, serializeWorkflow, upstreamOf, type Workflow } from '@/lib/workflow';
import { autoLayout } from './autoLayout';
import { removal } from './canvasChange';
import { copyText, pasteChange } from './clipboard';
import type { SkillFlowNode } from './flowTypes';
import { predictCanvas, runCanvas, stopCanvasRun } from './runCanvas';
import { showNotice } from './useCanvasNotice';
import { useCanvasRun } from './useCanvasRun';
import { emptyWorkflow, useCanvasStore } from './useCanvasStore';

export interface CanvasActions {
  /** Runs what is stale: nodes whose inputs, parameters or skill changed, and what depends on them; the rest comes from the cache. */
  run(): void;
  /** Runs every node again, ignoring the cache. */
  runAll(): void;
  runNode(id: string): void;
  /** Cancels one node of the run in progress; its descendants are skipped. */
  cancelNode(id: string): void;
  runToHere(id: string): void;
  stop(): void;
  predict(): void;
  save(): void;
  open(name: string): void;
  load(workflow: Workflow): void;
  newDocument(): void;
  importText(text: string): void;
  exportFile(): void;
  layout(): void;
  fit(): void;
  deleteSelection(edgeIds: ReadonlySet<string>): void;
  copy(): string | null;
  paste(text: string): boolean;
}

export function useCanvasActions(): CanvasActions {
  const flow = useReactFlow<SkillFlowNode>();
  return useMemo(() => {
    const client = () => {
      const c = useKernelStore.getState().client;
      if (!c || useKernelStore.getState().status.state !== 'ready') {
        showNotice('error', 'The kernel is not ready yet. Wait for "Kernel ready" in the header, then try again.');
        return null;
      }
      return c;
    };
    const doc = () => useCanvasStore.getState();
    const fit = () => void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1 });
    const start = (only?: readonly string[], force?: readonly string[]) => {
      const c = client();
      if (!c || useCanvasRun.getState().phase === 'running') return;
      if (doc().workflow.nodes.length === 0) return showNotice('info', 'Nothing to run: drag a skill onto the canvas first.');
      void runCanvas(c, doc().workflow, only, Date.now, force);
    };
    const load = (workflow: Workflow, savedAs: string | null = null) => {
      doc().load(workflow, savedAs);
      useCanvasRun.getState().reset();
      requestAnimationFrame(fit);
    };
    return {
      run: () => start(),
      runAll: () => start(undefined, doc().workflow.nodes.map((n) => n.id)),
      runNode: (id) => start([id], [id]),
      cancelNode: (id) => {
        const c = client();
        const runId = useCanvasRun.getState().runId;
        if (c && runId) void c.call({ op: 'workflow.cancelNode', runId, nodeId: id }).catch(() => undefined);
      },
      runToHere: (id) => start([...upstreamOf(doc().workflow, id)]),
      stop: () => {
        const c = client();
        if (c) void stopCanvasRun(c);
      },
      predict: () => {
        const c = client();
        if (c) void predictCanvas(c, doc().workflow);
      },
      save: () => {
        const c = client();
        if (!c) return;
        const { workflow } = doc();
        c.call({ op: 'workflow.write', name: workflow.name, workflow })
          .then(() => {
            doc().markSaved(workflow.name);
            showNotice('ok', `Saved as workflows/${workflow.name}.workflow.json in your volume.`);
          })
          .catch((thrown: unknown) => showNotice('error', `Not saved: ${WeftError.from(thrown).message}`));
      },
      open: (name) => {
        const c = client();
        if (!c) return;
        c.call({ op: 'workflow.read', name })
          .then((value) => {
            const parsed = parseWorkflow(value);
            if (!parsed.ok) return showParseError(parsed.error);
            load(parsed.value, name);
            showNotice('info', `Opened ${name}.`);
          })
          .catch((thrown: unknown) => showNotice('error', `Could not open ${name}: ${WeftError.from(thrown).message}`));
      },
      load: (workflow) => load(workflow),
      newDocument: () => load(emptyWorkflow()),
      importText: (text) => {
        const parsed = parseWorkflow(text);
        if (!parsed.ok) return showParseError(parsed.error);
        doc().apply({ type: 'replace', from: doc().workflow, to: parsed.value });
        useCanvasRun.getState().reset();
        showNotice('ok', `Imported ${parsed.value.name} (${parsed.value.nodes.length} nodes). Undo (Ctrl+Z) brings back what was here.`);
        requestAnimationFrame(fit);
      },
      exportFile: () => {
        const { workflow } = doc();
        const url = URL.createObjectURL(new Blob([serializeWorkflow(workflow)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `${workflow.name}.workflow.json`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      layout: () => {
        const sizes = new Map(flow.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 264, height: n.measured?.height ?? 160 }]));
        const change = autoLayout(doc().workflow, sizes);
        if (change) doc().apply(change);
        requestAnimationFrame(fit);
      },
      fit,
      deleteSelection: (edgeIds) => {
        const change = removal(doc().workflow, doc().selected, edgeIds);
        if (change) doc().apply(change);
      },
      copy: () => copyText(doc().workflow, doc().selected),
      paste: (text) => {
        const change = pasteChange(doc().workflow, text);
        if (!change || change.type !== 'add') return false;
        doc().apply(change);
        doc().select(new Set(change.nodes.map((n) => n.id)));
        return true;
      },
    };
  }, [flow]);
}

function showParseError(error: WeftError): void {
  const issues = (error.data.issues as readonly { path: string; message: string }[] | undefined) ?? [];
  showNotice('error', error.message, issues.slice(0, 8).map((i) => `${i.path}: ${i.message}`));
}
