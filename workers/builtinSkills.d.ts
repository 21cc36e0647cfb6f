/** Provided by scripts/builtinSkillsPlugin.mjs at build time: the files under skills/. */
declare module 'weft:builtin-skills' {
  const builtins: { readonly version: string; readonly files: readonly { readonly path: string; readonly content: string }[] };
  export default builtins;
}
