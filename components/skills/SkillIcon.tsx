/** Icons for moving skills in and out, drawn like `components/ui/Icon` (16px grid, 1.5px stroke, decorative). */
const paths = {
  import: <path d="M8 2.25v7.5M4.75 6.5 8 9.75l3.25-3.25M2.75 10.25v2a1 1 0 0 0 1 1h8.5a1 1 0 0 0 1-1v-2" />,
  export: <path d="M8 9.75v-7.5M4.75 5.5 8 2.25l3.25 3.25M2.75 10.25v2a1 1 0 0 0 1 1h8.5a1 1 0 0 0 1-1v-2" />,
  copy: (
    <>
      <rect x="5.25" y="5.25" width="8" height="8" rx="1.25" />
      <path d="M10.75 5.25v-1.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1.5" />
    </>
  ),
};

export function SkillIcon({ name, size = 16 }: { name: keyof typeof paths; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
