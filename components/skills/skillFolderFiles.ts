/**
 * The files of a skill folder as stored in a volume, for an export: SKILL.md as the text given
 * (what the editor shows, or its strict Agent Skills form), every other file as its bytes.
 */
import type { KernelClient } from '@/lib/kernel';

type Call = KernelClient['call'];

export async function skillFolderFiles(call: Call | null, volume: string, name: string, main: string): Promise<{ path: string; content: string | Uint8Array }[]> {
  const dir = `skills/${name}`;
  const paths = call ? await call({ op: 'volume.files', volume, dir }).catch(() => [`${dir}/SKILL.md`]) : [`${dir}/SKILL.md`];
  return Promise.all(
    paths.map(async (path) => {
      const inner = path.slice(dir.length + 1);
      if (inner === 'SKILL.md' || !call) return { path: inner, content: main };
      return { path: inner, content: (await call({ op: 'volume.readBytes', volume, path })).bytes };
    }),
  );
}
