/**
 * The searchable catalogue of every visible skill: a SkillIndex kept in step with the volumes.
 * A refresh re-reads only the skills whose winning copy changed (its SKILL.md blob), so it is
 * cheap after a commit; concurrent refreshes are folded into one.
 */
import { buildContext, type BuiltContext, parseSkill, type Skill, skillCategory, type SkillDocument, SkillIndex, skillKeywords, skillTags } from '../skills';
import { type GitRepo, skillPath, type VolumeId, type Workspace } from '../volumes';
import type { SkillHit } from '../skills';

export interface CatalogHit extends SkillHit {
  readonly shadows: readonly VolumeId[];
}

export class SkillCatalog {
  private readonly index = new SkillIndex();
  private readonly known = new Map<string, { volume: VolumeId; oid: string | null; shadows: VolumeId[] }>();
  private running: Promise<void> | null = null;
  private again = false;
  /** The `skills/` tree each volume had when last indexed: a commit that leaves it alone needs no refresh. */
  private readonly skillTrees = new Map<VolumeId, string | null>();
  private readonly checks = new Set<Promise<void>>();

  constructor(private readonly workspace: Workspace) {}

  get size(): number {
    return this.index.size;
  }

  /** After a commit to `volume`: refreshes only if the commit changed its skills (traces and workflows do not). */
  volumeChanged(volume: VolumeId, head: string): Promise<void> {
    const check = (async () => {
      const skills = await (await this.workspace.volumes.open(volume)).oidAt('skills', head as never);
      if (this.skillTrees.has(volume) && this.skillTrees.get(volume) === skills) return;
      this.skillTrees.set(volume, skills);
      await this.refresh();
    })();
    // Searches wait for checks in flight, so a skill is findable as soon as its save returns.
    this.checks.add(check);
    void check.finally(() => this.checks.delete(check)).catch(() => undefined);
    return check;
  }

  private async settled(): Promise<void> {
    await Promise.allSettled([...this.checks]);
    if (this.running) await this.running;
  }

  /** Brings the index up to date; resolves when it is (including changes made meanwhile). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.update();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async search(query: string, limit = 20): Promise<CatalogHit[]> {
    await this.settled();
    return this.index.search(query, limit).map((hit) => ({ ...hit, shadows: this.known.get(hit.name)?.shadows ?? [] }));
  }

  async context(query: string, tokenBudget: number): Promise<BuiltContext> {
    await this.settled();
    return buildContext(this.index, async (hit) => bodyOf(await this.workspace.volumes.readSkill(hit.volume as VolumeId, hit.name), hit.name), query, tokenBudget);
  }

  private async update(): Promise<void> {
    const volumes = this.workspace.volumes;
    const entries = await volumes.catalogue();
    const seen = new Set<string>();
    const repos = new Map<VolumeId, GitRepo>();
    for (const entry of entries) {
      seen.add(entry.name);
      if (!repos.has(entry.volume)) repos.set(entry.volume, await volumes.open(entry.volume));
      const oid = await repos.get(entry.volume)!.oidAt(skillPath(entry.name));
      const known = this.known.get(entry.name);
      this.known.set(entry.name, { volume: entry.volume, oid, shadows: entry.shadows });
      if (known && known.volume === entry.volume && known.oid === oid) continue;
      this.index.upsert(documentOf(entry.name, entry.volume, await volumes.readSkill(entry.volume, entry.name)));
    }
    for (const name of [...this.known.keys()]) {
      if (seen.has(name)) continue;
      this.known.delete(name);
      this.index.remove(name);
    }
  }
}

/** What is indexed of a SKILL.md; a skill that does not parse is still findable by name. */
export function documentOf(name: string, volume: string, text: string): SkillDocument {
  const parsed = parseSkill(text, { folder: name });
  if (!parsed.ok) return { name, description: 'This skill has errors; open it to see them.', body: text, category: 'invalid', keywords: [], runtime: null, volume };
  const skill: Skill = parsed.value.skill;
  return { name, description: skill.description, body: skill.body, category: skillCategory(skill), keywords: skillKeywords(skill), tags: skillTags(skill), runtime: skill.kind === 'executable' ? skill.runtime : null, volume };
}

function bodyOf(text: string, name: string): string {
  const parsed = parseSkill(text, { folder: name });
  return parsed.ok ? parsed.value.skill.body : text;
}
