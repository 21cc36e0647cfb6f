/**
 * The few icons the workbench uses, drawn on a 16px grid with a 1.5px stroke in `currentColor`.
 * Decorative by default (`aria-hidden`): the control around an icon carries the accessible name.
 */
import type { ReactElement } from 'react';

const paths = {
  sun: (
    <>
      <circle cx="8" cy="8" r="2.75" />
      <path d="M8 1.75v1.5M8 12.75v1.5M1.75 8h1.5M12.75 8h1.5M3.6 3.6l1.05 1.05M11.35 11.35l1.05 1.05M3.6 12.4l1.05-1.05M11.35 4.65l1.05-1.05" />
    </>
  ),
  moon: <path d="M13.5 9.6A5.75 5.75 0 1 1 6.4 2.5a4.6 4.6 0 0 0 7.1 7.1Z" />,
  monitor: (
    <>
      <rect x="1.75" y="2.75" width="12.5" height="8.5" rx="1.5" />
      <path d="M5.5 14h5M8 11.25V14" />
    </>
  ),
  check: <path d="m3.25 8.25 3 3 6.5-6.5" />,
  x: <path d="m4.25 4.25 7.5 7.5M11.75 4.25l-7.5 7.5" />,
  pause: <path d="M5.75 3.5v9M10.25 3.5v9" />,
  play: <path d="M5 3.25v9.5L12.5 8 5 3.25Z" />,
  stop: <rect x="3.75" y="3.75" width="8.5" height="8.5" rx="1.25" />,
  trash: <path d="M2.75 4.25h10.5M6.25 4.25v-1.5h3.5v1.5M4.25 4.25l.6 8.6a1 1 0 0 0 1 .9h4.3a1 1 0 0 0 1-.9l.6-8.6" />,
  chevronDown: <path d="m4 6 4 4 4-4" />,
  chevronUp: <path d="m4 10 4-4 4 4" />,
  minus: <path d="M4 8h8" />,
  plus: <path d="M4 8h8M8 4v8" />,
  search: (
    <>
      <circle cx="7" cy="7" r="4.25" />
      <path d="m10.25 10.25 3.5 3.5" />
    </>
  ),
  alert: (
    <>
      <path d="M8 1.9 14.6 13.4H1.4L8 1.9Z" />
      <path d="M8 6.25v3M8 11.4v.1" />
    </>
  ),
  refresh: <path d="M13.25 8a5.25 5.25 0 1 1-1.54-3.71M13.25 2.5v2.75H10.5" />,
  arrowDown: <path d="M8 3v10M4 9l4 4 4-4" />,
  panelBottom: (
    <>
      <rect x="1.75" y="2.25" width="12.5" height="11.5" rx="1.5" />
      <path d="M1.75 9.75h12.5" />
    </>
  ),
  skills: (
    <>
      <rect x="2.25" y="2.25" width="4.5" height="4.5" rx="1" />
      <rect x="9.25" y="2.25" width="4.5" height="4.5" rx="1" />
      <rect x="2.25" y="9.25" width="4.5" height="4.5" rx="1" />
      <rect x="9.25" y="9.25" width="4.5" height="4.5" rx="1" />
    </>
  ),
  graph: (
    <>
      <rect x="1.75" y="2.5" width="4" height="3.5" rx="1" />
      <rect x="10.25" y="6.25" width="4" height="3.5" rx="1" />
      <rect x="1.75" y="10" width="4" height="3.5" rx="1" />
      <path d="M5.75 4.25h1.5a1.5 1.5 0 0 1 1.5 1.5V8h1.5M5.75 11.75h1.5a1.5 1.5 0 0 0 1.5-1.5V8" />
    </>
  ),
  chat: <path d="M2.5 3.75a1.5 1.5 0 0 1 1.5-1.5h8a1.5 1.5 0 0 1 1.5 1.5v5.5a1.5 1.5 0 0 1-1.5 1.5H7l-3 2.75v-2.75a1.5 1.5 0 0 1-1.5-1.5v-5.5Z" />,
  inspect: (
    <>
      <rect x="2.25" y="2.25" width="11.5" height="11.5" rx="1.5" />
      <path d="M5 5.5h6M5 8h6M5 10.5h3.5" />
    </>
  ),
  list: <path d="M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5" />,
  pulse: <path d="M1.75 8h2.5l1.5-4 2.5 8 1.5-4h4.5" />,
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

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
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
