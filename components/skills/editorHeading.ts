import type { EditorState } from './useSkillUi';

/** The editor's title and the line under it: what saving will do, for each way it was opened. */
export function editorHeading(editor: EditorState): { title: string; description: string } {
  switch (editor.mode) {
    case 'new':
      return { title: 'New skill', description: 'Saved in your volume as skills/<name>/SKILL.md, one commit per save.' };
    case 'duplicate':
      return { title: `Duplicate ${editor.from}`, description: `A new skill in your volume that starts as a copy of ${editor.from}. Give it a name of its own.` };
    case 'edit':
      return { title: `Edit ${editor.name}`, description: 'Saved in your volume as skills/<name>/SKILL.md, one commit per save.' };
    case 'copy':
      return { title: `Your own ${editor.name}`, description: 'Saved in your volume, this copy shadows the team or built-in one: yours is used from then on.' };
  }
}
