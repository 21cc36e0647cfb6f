'use client';

/**
 * The skill library: every skill visible to you, once, from the nearest volume (yours, then
 * teams, then built-in), grouped by volume and category. Typing searches names, descriptions
 * and instructions (↑/↓ to move, Enter to open, Esc to clear). Skills can be imported by
 * picking or dropping files; selecting one shows it in the inspector.
 */
import dynamic from 'next/dynamic';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { EmptyState } from '@/components/ui/EmptyState';
import { Icon } from '@/components/ui/Icon';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { DropZone } from './DropZone';
import { groupSkills } from './groupSkills';
import { ImportDialog } from './ImportDialog';
import { ImportMenu } from './ImportMenu';
import { focusFirst, navigateList } from './listNav';
import { SearchResults } from './SearchResults';
import { SkillGroups } from './SkillGroups';
import styles from './SkillLibrary.module.css';
import { useSkillFacts } from './useSkillFacts';
import { useSkillImport } from './useSkillImport';
import { useSkillSearch } from './useSkillSearch';
import { useSkillUi } from './useSkillUi';

export { NewSkillButton } from './NewSkillButton';

// CodeMirror loads with the first edit, not with the page.
const SkillEditor = dynamic(() => import('./SkillEditor').then((m) => m.SkillEditor), { ssr: false });

export function SkillLibrary() {
  const kernel = useKernelStore((s) => s.status.state);
  const skills = useKernelQuery({ op: 'skill.list' });
  const selected = useSkillUi((s) => s.selected);
  const select = useSkillUi((s) => s.select);
  const editor = useSkillUi((s) => s.editor);
  const [text, setText] = useState('');
  const search = useSkillSearch(text);
  const importer = useSkillImport();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const all = useMemo(() => skills.data ?? [], [skills.data]);
  const facts = useSkillFacts(skills.data);
  const groups = useMemo(() => groupSkills(all, facts), [all, facts]);
  const mine = all.filter((s) => s.volume.startsWith('users/')).length;
  const query = text.trim();

  const clear = () => {
    setText('');
    searchRef.current?.focus();
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && focusFirst(listRef.current)) e.preventDefault();
    else if (e.key === 'Enter' && search.hits?.[0] && !search.stale) select(search.hits[0].name);
    else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && text) {
      e.preventDefault();
      clear();
    } else navigateList(e, searchRef.current);
  };

  return (
    <DropZone className={styles.library} onDrop={(reading) => void importer.start(reading)}>
      <div className={styles.toolbar}>
        <label className={styles.search}>
          <Icon name="search" size={14} />
          <input
            ref={searchRef}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onSearchKey}
            placeholder="Search skills"
            aria-label="Search skills"
            aria-describedby="skill-search-keys"
            spellCheck={false}
          />
        </label>
        <ImportMenu onPick={(reading) => void importer.start(reading)} />
      </div>
      <div ref={listRef} className={styles.scroll} onKeyDown={onListKey} aria-busy={search.stale || undefined}>
        {!skills.data ? (
          <EmptyState icon="skills" title={skills.error ? 'Skills could not be listed' : kernel === 'dead' ? 'The kernel is not running' : 'Loading skills…'} compact>
            {skills.error ? skills.error.message : 'Built-in, team and your own skills will be listed here.'}
          </EmptyState>
        ) : query ? (
          search.error ? (
            <EmptyState title="Search failed" compact>
              {search.error.message}
            </EmptyState>
          ) : search.hits ? (
            <SearchResults query={query} hits={search.hits} facts={facts} selected={selected} onSelect={select} />
          ) : (
            <p className={styles.searching}>Searching…</p>
          )
        ) : all.length === 0 ? (
          <EmptyState icon="skills" title="No skills yet" compact>
            Skills are instructions, written in Markdown, that the model and your workflows use. Write your first with{' '}
            <strong>New skill</strong>, or drop a skill folder here to import it.
          </EmptyState>
        ) : (
          <SkillGroups groups={groups} facts={facts} selected={selected} onSelect={select} />
        )}
      </div>
      {all.length > 0 && (
        <div className={styles.footer} id="skill-search-keys">
          {query ? (
            <>
              <span>{search.hits ? `${search.hits.length} of ${all.length}` : '…'}</span>
              <span className={styles.keys}>
                <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd aria-label="Enter">⏎</kbd> open · <kbd>Esc</kbd> clear
              </span>
            </>
          ) : (
            <span>
              {all.length} {all.length === 1 ? 'skill' : 'skills'}
              {mine > 0 && ` · ${mine} mine`}
            </span>
          )}
        </div>
      )}
      {editor && <SkillEditor key={editor.mode === 'new' ? 'new' : editor.mode === 'duplicate' ? `dup:${editor.from}` : editor.name} editor={editor} />}
      {importer.outcome && (
        <ImportDialog
          outcome={importer.outcome}
          onClose={importer.dismiss}
          onOpen={(name) => {
            importer.dismiss();
            setText('');
            select(name);
          }}
        />
      )}
    </DropZone>
  );
}
