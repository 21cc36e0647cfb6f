'use client';

import { Button } from '@/components/ui/Button';
import { useInstallPrompt } from './useInstallPrompt';

/** "Install Weft", shown only while the browser offers installation. */
export function InstallButton() {
  const { canInstall, install } = useInstallPrompt();
  if (!canInstall) return null;
  return (
    <Button size="sm" variant="ghost" icon="arrowDown" title="Install Weft as an app that opens in its own window and works offline" onClick={() => void install()}>
      Install Weft
    </Button>
  );
}
