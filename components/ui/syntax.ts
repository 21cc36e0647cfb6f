/**
 * One highlighter for every code view: it gives syntax tokens `tok-*` classes, coloured by
 * `syntax.module.css` from the theme's variables, so the editor and read-only code blocks
 * look the same in light and dark.
 */
import { tagHighlighter, tags as t } from '@lezer/highlight';

export const syntaxHighlighter = tagHighlighter([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], class: 'tok-keyword' },
  { tag: [t.string, t.special(t.string), t.regexp, t.character], class: 'tok-string' },
  { tag: [t.number, t.bool, t.null, t.atom, t.unit], class: 'tok-number' },
  { tag: t.comment, class: 'tok-comment' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], class: 'tok-function' },
  { tag: [t.definition(t.variableName), t.className, t.typeName, t.namespace], class: 'tok-definition' },
  { tag: [t.propertyName, t.attributeName, t.labelName], class: 'tok-property' },
  { tag: [t.self, t.special(t.variableName), t.standard(t.variableName)], class: 'tok-builtin' },
  { tag: t.heading, class: 'tok-heading' },
  { tag: t.emphasis, class: 'tok-emphasis' },
  { tag: t.strong, class: 'tok-strong' },
  { tag: t.strikethrough, class: 'tok-strike' },
  { tag: t.link, class: 'tok-link' },
  { tag: t.url, class: 'tok-url' },
  { tag: t.monospace, class: 'tok-code' },
  { tag: t.quote, class: 'tok-quote' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator, t.punctuation, t.separator], class: 'tok-meta' },
  { tag: t.invalid, class: 'tok-invalid' },
]);
