/** One tool call of a turn: the skill it ran, its arguments, and (once it ends) its status, duration and result. */
import { Badge, type Tone } from '@/components/ui/Badge';
import { formatMs } from '@/components/ui/format';
import { Icon } from '@/components/ui/Icon';
import styles from './ChatPanel.module.css';
import type { ToolView } from './useChatStore';

const TONE: Record<NonNullable<ToolView['status']>, Tone> = { ok: 'ok', error: 'danger', cancelled: 'warn' };

/** The result as sent to the model: pretty-printed when it is JSON. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function ToolCard({ tool }: { tool: ToolView }) {
  const args = JSON.stringify(tool.args ?? {}, null, 2);
  return (
    <details className={styles.tool} data-tool={tool.name} data-status={tool.status ?? 'running'}>
      <summary className={styles.toolHead}>
        <Icon name="box" size={14} />
        <span className={styles.toolName}>{tool.name}</span>
        {tool.status === null ? (
          <Badge tone="info">running…</Badge>
        ) : (
          <Badge tone={TONE[tool.status]}>{tool.status}</Badge>
        )}
        {tool.durationMs !== null && <span className={styles.toolTime}>{formatMs(tool.durationMs)}</span>}
      </summary>
      <div className={styles.toolBody}>
        <span className={styles.toolLabel}>Arguments</span>
        <pre className={styles.toolPre}>{args}</pre>
        {tool.preview !== null && (
          <>
            <span className={styles.toolLabel}>{tool.status === 'error' ? 'Error' : 'Result'}</span>
            <pre className={styles.toolPre}>{tool.error?.message ?? pretty(tool.preview)}</pre>
          </>
        )}
      </div>
    </details>
  );
}
