'use client';

import { Suggestions } from '@/components/evolution/Suggestions';
import { NewSkillButton, SkillLibrary } from '@/components/skills/SkillLibrary';
import { Area, AreaTitle } from './Area';
import styles from './Area.module.css';

/** The skill library: built-in, team and your own skills, nearest first. */
export function SkillsArea() {
  return (
    <Area
      label="Skills"
      header={
        <>
          <AreaTitle>Skills</AreaTitle>
          <div className={styles.spacer} />
          <NewSkillButton />
        </>
      }
    >
      <Suggestions />
      <SkillLibrary />
    </Area>
  );
}
