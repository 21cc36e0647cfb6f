/**
 * esbuild plugin: `import builtins from 'weft:builtin-skills'` gives every file under skills/
 * as `{ version, files: [{ path: 'skills/<name>/…', content }] }`, bundled into the worker.
 * `version` is a hash of the content, so the system volume is refreshed exactly when the
 * app's built-in skills change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function builtinSkillsPlugin(dir) {
  return {
    name: 'weft-builtin-skills',
    setup(build) {
      build.onResolve({ filter: /^weft:builtin-skills$/ }, () => ({ path: 'builtin-skills', namespace: 'weft' }));
      build.onLoad({ filter: /.*/, namespace: 'weft' }, () => {
        // Only what is inside a skill's folder (skills/<name>/…); the tests beside them are not skills.
        const files = existsSync(dir) ? walk(dir).filter((file) => relative(dir, file).includes(sep) && !/\.test\.[cm]?[jt]s$/.test(file)).map((file) => ({ path: `skills/${relative(dir, file).split(sep).join('/')}`, content: readFileSync(file, 'utf8') })) : [];
        files.sort((a, b) => (a.path < b.path ? -1 : 1));
        const version = createHash('sha256').update(JSON.stringify(files)).digest('hex');
        return { contents: `export default ${JSON.stringify({ version, files })};`, loader: 'js', watchDirs: existsSync(dir) ? [dir, ...walkDirs(dir)] : [], watchFiles: files.map((f) => join(dir, f.path.slice('skills/'.length))) };
      });
    },
  };
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.startsWith('.') ? [] : [path];
  });
}

function walkDirs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? [path, ...walkDirs(path)] : [];
  });
}
