/**
 * Icons for volumes and skills, drawn like `components/ui/Icon` (16px grid, 1.5px stroke,
 * `currentColor`, decorative). Kept here until the shared set takes them.
 */
import type { ReactElement } from 'react';

const paths = {
  volume: (
    <>
      <ellipse cx="8" cy="4" rx="5.25" ry="1.9" />
      <path d="M2.75 4v8c0 1.05 2.35 1.9 5.25 1.9s5.25-.85 5.25-1.9V4M2.75 8c0 1.05 2.35 1.9 5.25 1.9s5.25-.85 5.25-1.9" />
    </>
  ),
  sync: <path d="M2.75 6.5a5.25 5.25 0 0 1 9.3-2.2M13.25 9.5a5.25 5.25 0 0 1-9.3 2.2M12.25 1.75v2.75H9.5M3.75 14.25V11.5H6.5" />,
  pencil: <path d="M10.5 2.75 13.25 5.5 5.5 13.25H2.75V10.5L10.5 2.75ZM9 4.25l2.75 2.75" />,
  history: (
    <>
      <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.25 2.5v2.75H5" />
      <path d="M8 5.25V8l2 1.5" />
    </>
  ),
  commit: (
    <>
      <circle cx="8" cy="8" r="2.5" />
      <path d="M1.75 8H5.5M10.5 8h3.75" />
    </>
  ),
  chevronLeft: <path d="m10 4-4 4 4 4" />,
  chevronRight: <path d="m6 4 4 4-4 4" />,
  promote: <path d="M8 13.25V3.5M4.25 7.25 8 3.5l3.75 3.75M3 1.75h10" />,
  restore: <path d="M3.5 6.25h6.25a3.5 3.5 0 0 1 0 7H6M6 3.25l-3 3 3 3" />,
  link: <path d="M6.75 9.25a2.9 2.9 0 0 0 4.1 0l2-2a2.9 2.9 0 0 0-4.1-4.1l-.9.9M9.25 6.75a2.9 2.9 0 0 0-4.1 0l-2 2a2.9 2.9 0 0 0 4.1 4.1l.9-.9" />,
  user: (
    <>
      <circle cx="8" cy="5.25" r="2.75" />
      <path d="M2.75 13.75c.5-2.6 2.6-4.25 5.25-4.25s4.75 1.65 5.25 4.25" />
    </>
  ),
  team: (
    <>
      <circle cx="6" cy="5.5" r="2.25" />
      <path d="M1.75 13.25c.35-2.2 2-3.5 4.25-3.5s3.9 1.3 4.25 3.5M10.25 3.5a2.25 2.25 0 0 1 0 4.25M11.5 9.9c1.5.35 2.5 1.5 2.75 3.35" />
    </>
  ),
  box: (
    <>
      <path d="M8 1.75 13.75 4.75v6.5L8 14.25 2.25 11.25v-6.5L8 1.75Z" />
      <path d="M2.25 4.75 8 7.75l5.75-3M8 7.75v6.5" />
    </>
  ),
  split: <path d="M5 2.5v11M11 2.5v11M2.5 5.5H5M11 10.5h2.5" />,
  lock: (
    <>
      <rect x="3.25" y="7.25" width="9.5" height="6.5" rx="1.25" />
      <path d="M5.25 7.25V5.5a2.75 2.75 0 0 1 5.5 0v1.75" />
    </>
  ),
  file: (
    <>
      <path d="M9.25 1.75H4.5a1.25 1.25 0 0 0-1.25 1.25v10a1.25 1.25 0 0 0 1.25 1.25h7a1.25 1.25 0 0 0 1.25-1.25V5.25L9.25 1.75Z" />
      <path d="M9.25 1.75v3.5h3.5" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type VolumeIconName = keyof typeof paths;

export function VolumeIcon({ name, size = 16, className }: { name: VolumeIconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
