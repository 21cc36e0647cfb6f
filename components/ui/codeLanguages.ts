/**
 * The languages Weft highlights, by a fence's info string (` ```python `) or a runtime name.
 * One resolver serves the editor's embedded code and read-only code blocks; Markdown itself
 * (with YAML front matter) resolves to a language whose fences use this same resolver.
 */
import { javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { pythonLanguage } from '@codemirror/lang-python';
import type { Language, LanguageSupport } from '@codemirror/language';
import { frontmatterSyntax } from './frontmatterSyntax';
import { spiceLanguage } from './spiceLanguage';

const BY_NAME: Readonly<Record<string, Language>> = {
  python: pythonLanguage,
  py: pythonLanguage,
  javascript: javascriptLanguage,
  js: javascriptLanguage,
  mjs: javascriptLanguage,
  json: javascriptLanguage,
  // Tensor and three skills are JavaScript with a library in scope.
  tensor: javascriptLanguage,
  three: javascriptLanguage,
  typescript: typescriptLanguage,
  ts: typescriptLanguage,
  spice: spiceLanguage,
  cir: spiceLanguage,
};

/** The language for `info` (first word, any case), or null to show the code plain. */
export function languageFor(info: string | null | undefined): Language | null {
  const word = info?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (word === 'markdown' || word === 'md') return markdownSupport().language;
  return BY_NAME[word] ?? null;
}

let support: LanguageSupport | null = null;

/** GitHub-flavoured Markdown with front matter, its fenced code highlighted by `languageFor`. */
export function markdownSupport(): LanguageSupport {
  support ??= markdown({ base: markdownLanguage, codeLanguages: (info) => languageFor(info), extensions: [frontmatterSyntax], completeHTMLTags: false });
  return support;
}
