/** Weft's mark: two warp threads crossed by three weft threads, woven over and under. */
export function WeftMark({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#5058c4" />
      <g fill="none" strokeLinecap="round">
        <path d="M11.5 6.5v19M20.5 6.5v19" stroke="#c5c9f6" strokeWidth="2.6" />
        <path d="M6.5 11.5h19M6.5 16h19M6.5 20.5h19" stroke="#5058c4" strokeWidth="5" />
        <path d="M6.5 11.5h19M6.5 16h19M6.5 20.5h19" stroke="#fff" strokeWidth="2.6" />
        <path d="M20.5 9v5M11.5 13.5v5M20.5 18v5" stroke="#5058c4" strokeWidth="5" strokeLinecap="butt" />
        <path d="M20.5 8.6v5.8M11.5 13.1v5.8M20.5 17.6v5.8" stroke="#c5c9f6" strokeWidth="2.6" strokeLinecap="butt" />
      </g>
    </svg>
  );
}
