/** `rm -r`, with the few fs calls lightning-fs has. */
import type { GitFs } from './gitRepo';

export async function removeTree(fs: GitFs, path: string): Promise<void> {
  const stat = await fs.promises.lstat(path);
  if (stat.isDirectory()) {
    for (const name of await fs.promises.readdir(path)) await removeTree(fs, `${path}/${name}`);
    await fs.promises.rmdir(path);
  } else {
    await fs.promises.unlink(path);
  }
}
