import { Icon } from '@/components/ui/Icon';
import forms from './forms.module.css';

/** Says where a remote's token goes: nowhere but this browser. */
export function TokenNote({ saved = false }: { saved?: boolean }) {
  return (
    <span className={forms.note}>
      <Icon name="lock" size={12} />
      {saved ? 'A token is saved. ' : ''}The token stays in this browser: it is never written to a volume or sent anywhere but this remote.
    </span>
  );
}
