/**
 * Conflicts left by a sync are plain files: the remote's version of `<file>` sits beside it as
 * `<file>.remote-<sha>`. Listing finds them; resolving keeps mine, keeps theirs, or keeps both
 * (theirs becomes a skill or workflow of its own), each as one commit.
 */
import { WeftError } from '../core';
import { CONFLICT_FILE } from './mergeTrees';
import { parseVolumePath } from './volumePath';
import type { VolumeId } from './volumeId';
import type { Volumes, WriteResult } from './volumes';

export interface Conflict {
  /** The file as it is here (mine). */
  readonly path: string;
  /** The remote's version beside it. */
  readonly theirs: string;
  /** The remote commit it came from (short sha). */
  readonly tag: string;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

export async function listConflicts(volumes: Volumes, id: VolumeId): Promise<Conflict[]> {
  const repo = await volumes.open(id);
  const files = [...(await repo.listFiles('skills')), ...(await repo.listFiles('workflows'))];
  return files.flatMap((theirs) => {
    const m = CONFLICT_FILE.exec(theirs);
    return m ? [{ path: m[1]!, theirs, tag: m[2]! }] : [];
  });
}

export async function resolveConflict(volumes: Volumes, id: VolumeId, theirsPath: string, choice: ConflictChoice): Promise<WriteResult & { kept: string[] }> {
  const checked = parseVolumePath(theirsPath);
  if (!checked.ok) throw checked.error;
  const m = CONFLICT_FILE.exec(checked.value);
  if (!m) throw new WeftError('VOLUME_PATH_INVALID', `${theirsPath} is not a conflict copy (those end in ".remote-<sha>"). Pick one from the conflict list.`, { path: theirsPath });
  const [, mine, tag] = m as unknown as [string, string, string];
  let kept: string[] = [];
  const result = await volumes.write(id, async (repo) => {
    const theirs = await repo.readText(checked.value);
    if (theirs === null) throw new WeftError('VOLUME_FILE_NOT_FOUND', `${theirsPath} is not in ${id}; the conflict may already be resolved.`, { volume: id, path: theirsPath });
    const drop = { path: checked.value, content: null };
    if (choice === 'mine') {
      kept = [mine];
      return { changes: [drop], message: `Resolve ${mine}: keep mine` };
    }
    if (choice === 'theirs') {
      kept = [mine];
      return { changes: [{ path: mine, content: theirs }, drop], message: `Resolve ${mine}: keep theirs (${tag})` };
    }
    const skill = /^skills\/([^/]+)\/(.+)$/.exec(mine);
    if (skill) {
      // Their version becomes a whole skill of its own: the folder as it is here, with their file in it.
      const [, name, rel] = skill as unknown as [string, string, string];
      const copyName = `${name}-${tag}`;
      const files = (await repo.listFiles(`skills/${name}`)).filter((p) => !CONFLICT_FILE.test(p));
      const changes = [];
      for (const path of files.includes(mine) ? files : [...files, mine]) {
        const inner = path.slice(`skills/${name}/`.length);
        const content = path === mine ? theirs : ((await repo.readFile(path)) ?? new Uint8Array());
        changes.push({ path: `skills/${copyName}/${inner}`, content: inner === 'SKILL.md' ? renameSkill(typeof content === 'string' ? content : new TextDecoder().decode(content), copyName) : content });
      }
      kept = [mine, `skills/${copyName}/${rel}`];
      return { changes: [...changes, drop], message: `Resolve ${mine}: keep both (theirs as skill ${copyName})` };
    }
    const copy = copyPath(mine, tag);
    kept = [mine, copy.path];
    return { changes: [{ path: copy.path, content: copy.rename(theirs) }, drop], message: `Resolve ${mine}: keep both (theirs as ${copy.path})` };
  });
  return { ...result, kept };
}

/** A SKILL.md with its frontmatter `name` changed. */
function renameSkill(content: string, name: string): string {
  return content.replace(/^(---\r?\n(?:.*\r?\n)*?name:\s*)(\S+)(\s*\r?\n)/, `$1${name}$3`);
}

/** Where "keep both" puts their version of a workflow or other file, renamed with the tag. */
function copyPath(mine: string, tag: string): { path: string; rename(content: string): string } {
  const workflow = /^workflows\/([^/]+)\.workflow\.json$/.exec(mine);
  if (workflow) {
    const name = `${workflow[1]}-${tag}`;
    return {
      path: `workflows/${name}.workflow.json`,
      rename: (content) => {
        try {
          return `${JSON.stringify({ ...JSON.parse(content), name }, null, 2)}\n`;
        } catch {
          return content;
        }
      },
    };
  }
  const dot = mine.lastIndexOf('.');
  const slash = mine.lastIndexOf('/');
  return { path: dot > slash + 1 ? `${mine.slice(0, dot)}-${tag}${mine.slice(dot)}` : `${mine}-${tag}`, rename: (c) => c };
}
