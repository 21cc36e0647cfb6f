/**
 * Markdown from a volume, shown safely: GitHub-flavoured, sanitized (rehype-sanitize's
 * default schema; raw HTML is never parsed), links open outside the app with no referrer,
 * and anything but http(s) and mailto URLs is dropped, so `<script>`, `javascript:` links and
 * `onerror=` attributes in a skill stay inert text. Fenced code is highlighted.
 */
import type { Element, ElementContent } from 'hast';
import ReactMarkdown, { type Components, defaultUrlTransform } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { cx } from './Button';
import { CodeBlock } from './CodeBlock';
import styles from './Markdown.module.css';

const REMARK = [remarkGfm];
const REHYPE = [rehypeSanitize];

/** Live links only to the web and mail; other URLs (relative paths, `javascript:`, `data:`) become ''. */
export function safeUrl(url: string): string {
  const kept = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(kept) ? kept : '';
}

const COMPONENTS: Components = {
  a: ({ href, children, title }) =>
    href ? (
      <a href={href} title={title ?? href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span className={styles.deadLink}>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src.startsWith('https:') ? (
      <img src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
    ) : (
      <span className={styles.deadLink}>{alt || 'image'}</span>
    ),
  pre: ({ node }) => {
    const code = node?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    const language = languageOf(code);
    return <CodeBlock code={code ? textOf(code) : ''} language={language} caption={language ?? undefined} className={styles.code} />;
  },
  table: ({ children }) => (
    <div className={styles.tableWrap}>
      <table>{children}</table>
    </div>
  ),
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cx(styles.markdown, className)}>
      <ReactMarkdown remarkPlugins={REMARK} rehypePlugins={REHYPE} urlTransform={safeUrl} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

function languageOf(code: Element | undefined): string | null {
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  const found = list.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return found ? found.slice('language-'.length) : null;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
