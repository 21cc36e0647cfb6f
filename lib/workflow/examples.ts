/**
 * Built-in example workflows, each runnable with one click from an empty workbench. They use only
 * built-in skills (the system volume), so they work offline on any machine.
 */
import type { Workflow } from './types';

export const EXAMPLE_WORKFLOWS: readonly Workflow[] = [
  {
    version: 1,
    id: 'example-vqe-plot-export',
    name: 'vqe-plot-export',
    description: 'The H2 ground state by a variational quantum eigensolver, its convergence plotted, and the energies exported as a JSON file.',
    nodes: [
      { id: 'vqe', skill: 'vqe-h2', params: {}, position: { x: 0, y: 80 } },
      { id: 'plot', skill: 'line-plot', params: { title: 'VQE convergence (H2)', x_label: 'iteration', y_label: 'energy (Ha)', show_points: false }, position: { x: 360, y: 0 } },
      { id: 'export', skill: 'export-file', params: { filename: 'vqe-convergence', format: 'json' }, position: { x: 360, y: 340 } },
    ],
    edges: [
      { from: { node: 'vqe', output: 'convergence' }, to: { node: 'plot', input: 'series' } },
      { from: { node: 'vqe', output: 'convergence' }, to: { node: 'export', input: 'value' } },
    ],
  },
  {
    version: 1,
    id: 'example-csv-stats-table',
    name: 'csv-stats-filter',
    description: 'Statistics of every numeric column of a CSV, then the columns sorted by their mean.',
    nodes: [
      { id: 'stats', skill: 'csv-stats', params: {}, position: { x: 0, y: 0 } },
      { id: 'sort', skill: 'table-filter-sort', params: { filters: [], sort: [{ column: 'mean', order: 'desc' }] }, position: { x: 360, y: 0 } },
    ],
    edges: [{ from: { node: 'stats', output: 'table' }, to: { node: 'sort', input: 'table' } }],
  },
  {
    version: 1,
    id: 'example-linear-regression-loss',
    name: 'regression-loss-plot',
    description: 'A line fitted with TensorFlow.js by gradient descent, and its loss per epoch plotted on a log axis.',
    nodes: [
      { id: 'fit', skill: 'linear-regression', params: {}, position: { x: 0, y: 0 } },
      { id: 'loss', skill: 'line-plot', params: { title: 'Training loss', x_label: 'epoch', y_label: 'mean squared error', y_scale: 'log', show_points: false }, position: { x: 360, y: 0 } },
    ],
    edges: [{ from: { node: 'fit', output: 'loss' }, to: { node: 'loss', input: 'series' } }],
  },
  {
    version: 1,
    id: 'example-architect-coder-reviewer',
    name: 'architect-coder-reviewer',
    description: 'Three agents, each its own process with its own budget: an architect plans, a coder writes the code, a reviewer approves it or sends it back to the coder once over the message bus. Needs a language model (the chat\'s model settings).',
    nodes: [
      {
        id: 'architect',
        skill: 'agent',
        label: 'architect',
        params: {
          task: 'A Python function slugify(title) that turns a title into a URL slug: lower case, words joined by single hyphens, accents removed, anything else dropped.',
          system: 'You are a software architect. Write a short plan for the coder: the function signature, the steps, and three edge cases to handle. No code.',
          budget: 4000,
          priority: 5,
        },
        position: { x: 0, y: 60 },
      },
      {
        id: 'coder',
        skill: 'agent',
        label: 'coder',
        params: { system: 'You are a careful Python programmer. Implement the plan you are given as one Python function with a docstring. Reply with the code only.', budget: 6000, priority: 10 },
        position: { x: 340, y: 60 },
      },
      {
        id: 'reviewer',
        skill: 'agent',
        label: 'reviewer',
        params: {
          system: 'You are a strict code reviewer. Check the code against its purpose and edge cases.',
          reviser: 'coder',
          budget: 6000,
          priority: 10,
        },
        position: { x: 680, y: 60 },
      },
    ],
    edges: [
      { from: { node: 'architect', output: 'answer' }, to: { node: 'coder', input: 'task' } },
      { from: { node: 'coder', output: 'answer' }, to: { node: 'reviewer', input: 'task' } },
    ],
  },
];
