/**
 * Context for a language model, by progressive disclosure: first a short catalogue (name and
 * description) of the skills relevant to the query, then the full instructions of the best
 * matches while the token budget lasts. It says which skills it used, so the chat can cite them.
 * Only relevant skills come in (`SkillIndex.relevant`): a message about nothing a skill does
 * (a greeting) gets no context at all, rather than the least bad matches.
 */
import type { SkillHit, SkillIndex } from './skillIndex';

export interface ContextSkillUse {
  readonly name: string;
  readonly volume: string;
  /** `full`: its whole body is in the context; `catalogue`: only its name and description. */
  readonly disclosure: 'catalogue' | 'full';
}

export interface BuiltContext {
  readonly text: string;
  readonly tokens: number;
  readonly skills: readonly ContextSkillUse[];
}

export interface BuildContextOptions {
  /** How many skills the catalogue lists at most. */
  readonly catalogueSize?: number;
  /** How many skills are shown in full at most. */
  readonly maxFull?: number;
  /** Token estimate for a text (default: about 4 characters a token). */
  readonly countTokens?: (text: string) => number;
}

/**
 * A skill is shown in full only when it matched at least this share of the best match's score:
 * "review this code" brings code-review in full, not agent (which only mentions reviewers).
 */
export const FULL_SHARE = 0.25;

/** Roughly 4 characters per token for English prose and code; providers count exactly. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export async function buildContext(index: SkillIndex, loadBody: (hit: SkillHit) => Promise<string>, query: string, tokenBudget: number, options: BuildContextOptions = {}): Promise<BuiltContext> {
  const count = options.countTokens ?? estimateTokens;
  const hits = index.relevant(query, options.catalogueSize ?? 8);
  const parts: string[] = [];
  const used = new Map<string, ContextSkillUse>();
  let tokens = 0;
  const take = (text: string) => {
    const cost = count(text);
    if (tokens + cost > tokenBudget) return false;
    parts.push(text);
    tokens += cost;
    return true;
  };
  if (hits.length === 0 || !take('# Skills you can use\n')) return { text: '', tokens: 0, skills: [] };
  for (const hit of hits) {
    if (!take(`- **${hit.name}**${hit.runtime ? ` (${hit.runtime})` : ''}: ${hit.description}\n`)) break;
    used.set(hit.name, { name: hit.name, volume: hit.volume, disclosure: 'catalogue' });
  }
  let full = 0;
  const enough = (hits[0]?.score ?? 0) * FULL_SHARE;
  for (const hit of hits) {
    if (full >= (options.maxFull ?? 3) || !used.has(hit.name) || hit.score < enough) break;
    const body = (await loadBody(hit)).trim();
    if (!take(`\n## ${hit.name}\n\n${body}\n`)) continue; // too long for what is left: a shorter one may still fit
    used.set(hit.name, { name: hit.name, volume: hit.volume, disclosure: 'full' });
    full++;
  }
  return { text: parts.join(''), tokens, skills: [...used.values()] };
}
