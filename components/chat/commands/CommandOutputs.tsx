'use client';

/** What commands printed this session, after the conversation; Clear drops it all (nothing of it is stored). */
import { IconButton } from '@/components/ui/Button';
import { useChatStore } from '../useChatStore';
import { CommandOutputView } from './CommandOutputView';
import styles from './Commands.module.css';

export function CommandOutputs() {
  const outputs = useChatStore((s) => s.outputs);
  const clear = useChatStore((s) => s.clearOutputs);
  if (outputs.length === 0) return null;
  return (
    <section className={styles.outputs} aria-label="Command output">
      <div className={styles.outputsHead}>
        <span title="Command output is not saved with the conversation">Commands · this session</span>
        <IconButton icon="x" size="sm" label="Clear command output" onClick={clear} />
      </div>
      <div className={styles.log} role="log">
        {outputs.map((output) => (
          <CommandOutputView key={output.id} output={output} />
        ))}
      </div>
    </section>
  );
}
