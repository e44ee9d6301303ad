/** The idlife logo and word mark; the word is real text so it reads as "idlife" to everyone. */
export function BrandMark({ size = "regular" }: { size?: "regular" | "large" }) {
  return (
    <span className={`brand brand--${size}`}>
      <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <circle cx="16" cy="11" r="4.5" fill="#fff" />
        <path d="M8 25c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      </svg>
      <span className="brand__name">idlife</span>
    </span>
  );
}
