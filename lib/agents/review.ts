/**
 * The reviewer's verdict: a reply that starts with APPROVE or REVISE (any case, after optional
 * Markdown emphasis). Anything else counts as approval with remarks, so a reviewer that does not
 * follow the format never loops.
 */
export type Verdict = { readonly kind: 'approve'; readonly text: string } | { readonly kind: 'revise'; readonly feedback: string };

export function parseVerdict(reply: string): Verdict {
  const text = reply.trim();
  const m = /^[*_#\s>]*(APPROVE|APPROVED|REVISE)\b[*_]*[:.\-–—\s]*/i.exec(text);
  if (m && m[1]!.toUpperCase() === 'REVISE') return { kind: 'revise', feedback: text.slice(m[0].length).trim() || 'Please revise your work.' };
  return { kind: 'approve', text };
}

export const REVIEW_INSTRUCTION =
  'Review the work below against the task. Reply with APPROVE on the first line if it is correct and complete, then the final version; or REVISE: followed by specific, actionable feedback.';
