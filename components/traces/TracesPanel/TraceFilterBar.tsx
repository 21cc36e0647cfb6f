'use client';

/** The Traces list's filters: kind, status, skill, date range and words, and the match count. */
import { useEffect, useId, useState } from 'react';
import { Icon } from '@/components/ui/Icon';
import type { DateRange, KindFilter, StatusFilter } from '../traceFilters';
import { useTraceStore } from '../useTraceStore';
import styles from './TracesPanel.module.css';

const KINDS: readonly [KindFilter, string][] = [
  ['all', 'All kinds'],
  ['run', 'Runs'],
  ['chat', 'Chats'],
  ['agent', 'Agents'],
];
const STATUSES: readonly [StatusFilter, string][] = [
  ['all', 'Any status'],
  ['ok', 'ok'],
  ['error', 'error'],
  ['cancelled', 'cancelled'],
];
const RANGES: readonly [DateRange, string][] = [
  ['all', 'All time'],
  ['today', 'Today'],
  ['7d', 'Last 7 days'],
];

/** Typing waits this long before the list is asked again. */
const TYPING_MS = 250;

export function TraceFilterBar({ count, skills }: { count: string; skills: readonly string[] }) {
  const filters = useTraceStore((s) => s.filters);
  const setFilters = useTraceStore((s) => s.setFilters);
  const skillList = useId();
  return (
    <div className={styles.toolbar}>
      <select className={styles.select} aria-label="Kind" value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as KindFilter })}>
        {KINDS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className={styles.select} aria-label="Status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}>
        {STATUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className={styles.select} aria-label="Date range" value={filters.range} onChange={(e) => setFilters({ range: e.target.value as DateRange })}>
        {RANGES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <TypedFilter field="skill" className={styles.skill} label="Skill" placeholder="Skill" list={skillList} />
      <datalist id={skillList}>
        {skills.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <TypedFilter field="query" className={styles.search} label="Search traces" placeholder="Search names, skills, paths" search />
      <div className={styles.spacer} />
      <span className={styles.count}>{count}</span>
    </div>
  );
}

/** A text filter that asks the kernel once typing pauses (or at once on Enter). */
function TypedFilter({ field, label, placeholder, className, list, search = false }: { field: 'skill' | 'query'; label: string; placeholder: string; className?: string; list?: string; search?: boolean }) {
  const value = useTraceStore((s) => s.filters[field]);
  const setFilters = useTraceStore((s) => s.setFilters);
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The store changed under us (a reset, another tab of the store): show its value.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => setFilters({ [field]: text }), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text, value, field, setFilters]);
  return (
    <label className={className}>
      {search && <Icon name="search" size={14} />}
      <input
        type="search"
        value={text}
        list={list}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && text !== value && setFilters({ [field]: text })}
        placeholder={placeholder}
        aria-label={label}
        spellCheck={false}
      />
    </label>
  );
}
