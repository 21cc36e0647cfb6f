'use client';

/**
 * The workflow canvas: React Flow over the canvas document. Edits become changes in the canvas
 * store (one undo step each: a drop, a finished drag, a connection, a deletion, a param). Edges
 * are checked while they are dragged: the types must connect, the graph must stay acyclic, and an
 * input takes one edge. Keys (when the canvas has focus): Ctrl/⌘+Enter run, Ctrl/⌘+S save,
 * Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z redo, Delete remove, Ctrl/⌘+C / V copy and paste.
 */
import '@xyflow/react/dist/style.css';
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  type IsValidConnection,
  MiniMap,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type ClipboardEvent, type DragEvent, type KeyboardEvent, useCallback, useRef, useState } from 'react';
import { useTheme } from '@/components/shell/useTheme';
import { Button } from '@/components/ui/Button';
import { canConnect, type Position, wouldCreateCycle, type WorkflowEdge } from '@/lib/workflow';
import styles from './Canvas.module.css';
import { freshNodeId } from './canvasChange';
import { CanvasEmpty } from './CanvasEmpty';
import { CanvasNotice } from './CanvasNotice';
import { SKILL_DRAG_TYPE, type SkillFlowEdge, type SkillFlowNode } from './flowTypes';
import { NodePanel } from './NodePanel';
import { Palette } from './Palette';
import { SkillNode } from './SkillNode';
import { type CanvasActions, useCanvasActions } from './useCanvasActions';
import { useCanvasStore } from './useCanvasStore';
import { useFlowEdges, useFlowNodes } from './useFlowElements';
import { useLoadSkillSpecs, useSkillSpecs } from './useSkillSpecs';

const NODE_TYPES = { skill: SkillNode };
/** Past this many nodes only those in view are rendered. */
const VISIBLE_ONLY_FROM = 60;

export function Canvas() {
  useLoadSkillSpecs();
  const actions = useCanvasActions();
  const flow = useReactFlow<SkillFlowNode, SkillFlowEdge>();
  const [nodes, onMeasure] = useFlowNodes();
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const edges = useFlowEdges(selectedEdges);
  const empty = useCanvasStore((s) => s.workflow.nodes.length === 0);
  const panelNode = useCanvasStore((s) => (s.selected.size === 1 ? [...s.selected][0]! : null));
  const dragStart = useRef<Record<string, Position> | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [theme] = useTheme();

  const onNodesChange = useCallback(
    (changes: NodeChange<SkillFlowNode>[]) => {
      onMeasure(changes);
      const store = useCanvasStore.getState();
      const moved: Record<string, Position> = {};
      let select: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
        if (c.type === 'select') {
          select ??= new Set(store.selected);
          if (c.selected) select.add(c.id);
          else select.delete(c.id);
        }
      }
      if (Object.keys(moved).length > 0) store.moveLive(moved);
      if (select) store.select(select);
    },
    [onMeasure],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<SkillFlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of selects) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    });
  }, []);

  const onNodeDragStart: OnNodeDrag<SkillFlowNode> = useCallback((_, __, dragged) => {
    dragStart.current = Object.fromEntries(dragged.map((n) => [n.id, n.position]));
  }, []);

  const onNodeDragStop: OnNodeDrag<SkillFlowNode> = useCallback((_, __, dragged) => {
    const from = dragStart.current;
    dragStart.current = null;
    if (!from) return;
    const to = Object.fromEntries(dragged.map((n) => [n.id, n.position]));
    if (dragged.some((n) => from[n.id] && (from[n.id]!.x !== n.position.x || from[n.id]!.y !== n.position.y))) {
      useCanvasStore.getState().apply({ type: 'move', from, to });
    }
  }, []);

  const isValidConnection: IsValidConnection<SkillFlowEdge> = useCallback((c) => connectionAllowed(toEdge(c)), []);

  const onConnect = useCallback((c: Connection) => {
    const edge = toEdge(c);
    if (edge && connectionAllowed(edge)) useCanvasStore.getState().apply({ type: 'add', nodes: [], edges: [edge] });
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const skill = event.dataTransfer.getData(SKILL_DRAG_TYPE);
      if (!skill) return;
      event.preventDefault();
      addSkill(skill, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      rootRef.current?.focus();
    },
    [flow],
  );

  const onKeyDown = useCallback((event: KeyboardEvent) => handleKey(event, actions, selectedEdges), [actions, selectedEdges]);

  const onCopy = useCallback(
    (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const text = actions.copy();
      if (!text) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    },
    [actions],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      if (actions.paste(event.clipboardData.getData('text/plain'))) event.preventDefault();
    },
    [actions],
  );

  return (
    <div ref={rootRef} className={styles.root} tabIndex={-1} onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPaste} data-canvas>
      <div className={styles.flow} onDragOver={onDragOver} onDrop={onDrop} data-panel-open={panelNode ? '' : undefined}>
        <ReactFlow<SkillFlowNode, SkillFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onPaneClick={() => {
            setPaletteOpen(false);
            rootRef.current?.focus();
          }}
          deleteKeyCode={null}
          colorMode={theme}
          minZoom={0.2}
          maxZoom={2}
          onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_FROM}
          proOptions={{ hideAttribution: true }}
          aria-label="Workflow canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--canvas-dot)" />
          <Controls showInteractive={false} position="bottom-left" />
          <MiniMap pannable zoomable position="bottom-right" className={styles.minimap} nodeStrokeWidth={2} style={{ width: 120, height: 76 }} />
        </ReactFlow>
        {empty && <CanvasEmpty onExample={actions.load} />}
        <div className={styles.addSkill}>
          <Button
            size="sm"
            icon="plus"
            aria-expanded={paletteOpen}
            aria-controls={paletteOpen ? 'canvas-palette' : undefined}
            onClick={() => setPaletteOpen((open) => !open)}
            title="Add a skill (or drag one from the skill library)"
          >
            Add skill
          </Button>
          {paletteOpen && (
            <Palette
              onAdd={(skill) => addSkill(skill, centre(flow, rootRef.current))}
              onClose={() => {
                setPaletteOpen(false);
                rootRef.current?.focus();
              }}
            />
          )}
        </div>
        <CanvasNotice />
        {panelNode && <NodePanel key={panelNode} id={panelNode} actions={actions} />}
      </div>
    </div>
  );
}

function onDragOver(event: DragEvent) {
  if (!event.dataTransfer.types.includes(SKILL_DRAG_TYPE)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

function addSkill(skill: string, at: Position) {
  const store = useCanvasStore.getState();
  const id = freshNodeId(skill, new Set(store.workflow.nodes.map((n) => n.id)));
  store.apply({ type: 'add', nodes: [{ id, skill, params: {}, position: { x: Math.round(at.x), y: Math.round(at.y) } }], edges: [] });
}

/** Where a node added without a drop goes: the middle of the view, a little staggered. */
function centre(flow: { screenToFlowPosition(p: Position): Position }, root: HTMLElement | null): Position {
  const box = root?.querySelector('.react-flow')?.getBoundingClientRect();
  if (!box) return { x: 0, y: 0 };
  const n = useCanvasStore.getState().workflow.nodes.length % 6;
  return flow.screenToFlowPosition({ x: box.left + box.width / 2 - 132 + n * 24, y: box.top + box.height / 3 + n * 24 });
}

function toEdge(c: Connection | SkillFlowEdge): WorkflowEdge | null {
  if (!c.source || !c.target || !c.sourceHandle || !c.targetHandle) return null;
  return { from: { node: c.source, output: c.sourceHandle }, to: { node: c.target, input: c.targetHandle } };
}

/** Types connect, the input is free, and no cycle closes. */
function connectionAllowed(edge: WorkflowEdge | null): boolean {
  if (!edge) return false;
  const { workflow } = useCanvasStore.getState();
  const { specs } = useSkillSpecs.getState();
  const skillOf = (id: string) => specs[workflow.nodes.find((n) => n.id === id)?.skill ?? ''];
  const out = skillOf(edge.from.node)?.outputs.find((o) => o.name === edge.from.output);
  const input = skillOf(edge.to.node)?.inputs.find((i) => i.name === edge.to.input);
  if (!out || !input || !canConnect(out.type, input.type)) return false;
  if (workflow.edges.some((e) => e.to.node === edge.to.node && e.to.input === edge.to.input)) return false;
  return !wouldCreateCycle(workflow, edge);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function handleKey(event: KeyboardEvent, actions: CanvasActions, selectedEdges: ReadonlySet<string>): void {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'enter') return void (event.preventDefault(), actions.run());
  if (mod && key === 's') return void (event.preventDefault(), actions.save());
  if (isTyping(event.target)) return;
  const store = useCanvasStore.getState();
  if (mod && key === 'z') return void (event.preventDefault(), event.shiftKey ? store.redo() : store.undo());
  if (mod && key === 'y') return void (event.preventDefault(), store.redo());
  if (key === 'delete' || key === 'backspace') return void (event.preventDefault(), actions.deleteSelection(selectedEdges));
}
