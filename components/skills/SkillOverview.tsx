/**
 * A skill read, not as source: what it needs and gives (inputs and outputs), what it may do
 * (permissions), its other settings, then its instructions as Markdown with the code
 * highlighted. A skill that does not parse shows its problems and its source instead.
 */
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/Badge';
import { CodeBlock } from '@/components/ui/CodeBlock';
import { Icon } from '@/components/ui/Icon';
import { Markdown } from '@/components/ui/Markdown';
import type { Skill } from '@/lib/skills';
import type { SkillCheck } from './checkSkill';
import { IoTable } from './IoTable';
import { plural, ProblemList } from './ProblemList';
import styles from './SkillOverview.module.css';

export function SkillOverview({ check, content, path }: { check: SkillCheck; content: string; path: string }) {
  const { skill, problems } = check;
  if (!skill) {
    return (
      <div className={styles.overview}>
        <div className={styles.broken} role="note">
          <p className={styles.brokenTitle}>
            <Icon name="alert" size={14} />
            {plural(check.errors, 'problem')} {check.errors === 1 ? 'keeps' : 'keep'} this skill from being used
          </p>
          <p className={styles.brokenText}>It cannot be run or offered to the model until {check.errors === 1 ? 'it is' : 'they are'} fixed.</p>
          <ProblemList problems={problems} />
        </div>
        <CodeBlock code={content} language="markdown" label={path} caption={path} wrap />
      </div>
    );
  }
  return (
    <div className={styles.overview}>
      {problems.length > 0 && (
        <details className={styles.warnings}>
          <summary>{plural(problems.length, 'warning')}</summary>
          <ProblemList problems={problems} />
        </details>
      )}
      {skill.kind === 'executable' && (
        <>
          {skill.inputs.length > 0 ? <IoTable caption="Inputs" specs={skill.inputs} kind="inputs" /> : <p className={styles.quiet}>No inputs.</p>}
          {skill.outputs.length > 0 && <IoTable caption="Outputs" specs={skill.outputs} kind="outputs" />}
        </>
      )}
      <SkillSettings skill={skill} />
      <section aria-label="Instructions" className={styles.instructions}>
        <Markdown>{skill.body}</Markdown>
      </section>
    </div>
  );
}

function SkillSettings({ skill }: { skill: Skill }) {
  const tags = skill.metadata?.tags?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
  const rows: [string, ReactNode][] = [];
  if (skill.kind === 'executable') {
    rows.push([
      'Permissions',
      skill.permissions.length ? (
        <span className={styles.chips}>
          {skill.permissions.map((p) => (
            <Badge key={p} tone="warn" mono>
              {p}
            </Badge>
          ))}
        </span>
      ) : (
        <span className={styles.none}>None: no network or other capabilities</span>
      ),
    ]);
    if (skill.timeoutMs !== undefined) rows.push(['Timeout', `${skill.timeoutMs / 1000} s`]);
    if (skill.version !== undefined) rows.push(['Version', <code key="v">{skill.version}</code>]);
  }
  if (skill.metadata?.category) rows.push(['Category', skill.metadata.category]);
  if (tags.length) rows.push(['Tags', tags.join(', ')]);
  if (skill.allowedTools?.length) rows.push(['Allowed tools', <code key="t">{skill.allowedTools.join(' ')}</code>]);
  if (skill.compatibility) rows.push(['Compatibility', skill.compatibility]);
  if (skill.license) rows.push(['License', skill.license]);
  if (rows.length === 0) return null;
  return (
    <dl className={styles.settings}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.setting}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
