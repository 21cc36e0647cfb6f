/**
 * Which built-in skills a chat message brings into the model's context (and so onto the
 * answer's chips): the real skills/ folder, indexed as the kernel indexes it.
 */
import { describe, expect, it } from 'vitest';
import { builtinSkillNames, readSkillText } from '../../skills/skillTestKit';
import { buildContext, SkillIndex } from '../skills';
import { documentOf } from './skillCatalog';

const index = new SkillIndex();
for (const name of builtinSkillNames()) index.upsert(documentOf(name, 'system', readSkillText(name)));

async function context(message: string) {
  const ctx = await buildContext(index, async (hit) => `Instructions of ${hit.name}.`, message, 4000);
  return { full: ctx.skills.filter((s) => s.disclosure === 'full').map((s) => s.name), listed: ctx.skills.map((s) => s.name), text: ctx.text };
}

describe('skills a chat message brings into the context', () => {
  it.each(['Hello', 'hi there', 'Hello! What can you do?', 'hi there, who are you?', 'good morning', 'thanks, that helps', 'what is 2+2', 'tell me a joke'])('none for "%s": no skill in full, none listed, no chips', async (message) => {
    expect(await context(message)).toEqual({ full: [], listed: [], text: '' });
  });

  it('brings code-review in full for "review this code", and not the skills that only mention reviews', async () => {
    const ctx = await context('review this code');
    expect(ctx.full).toEqual(['code-review']);
    expect(ctx.text).toContain('Instructions of code-review.');
    expect(ctx.text).not.toContain('Instructions of agent.');
  });

  it('brings in full the skills a task is about', async () => {
    expect((await context('fit a line to these points')).full).toEqual(expect.arrayContaining(['linear-fit', 'line-plot']));
    expect((await context('count words in this text')).full[0]).toBe('word-frequency');
    expect((await context('spawn an agent')).full).toEqual(['agent']);
    expect((await context('estimate pi')).full).toEqual(['monte-carlo-pi']);
  });

  it('still finds a skill by one word of its description', async () => {
    expect((await context('sine')).full).toEqual(['rc-lowpass']);
  });
});
