import { EmptyState } from '@/components/ui/EmptyState';
import { Area, AreaTitle } from './Area';

/** The skill library. Empty until skill management lands. */
export function SkillsArea() {
  return (
    <Area label="Skills" header={<AreaTitle>Skills</AreaTitle>}>
      <EmptyState icon="skills" title="No skills yet" compact>
        Your skills will be listed here — built-in, team and your own. Skill management arrives with the skill library.
      </EmptyState>
    </Area>
  );
}
