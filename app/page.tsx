import { KernelProvider } from '@/components/kernel/KernelProvider';
import { Workbench } from '@/components/shell/Workbench';

/** The workbench: one page, one kernel per tab. */
export default function Home() {
  return (
    <KernelProvider>
      <Workbench />
    </KernelProvider>
  );
}
