/** The marketplace's mark: a shopping bag. Decorative; the shop name beside it is the label. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--color-brand)" />
      <path
        d="M9 12h14l-1.2 12.2a2 2 0 0 1-2 1.8h-7.6a2 2 0 0 1-2-1.8L9 12Z"
        fill="var(--color-on-brand)"
      />
      <path
        d="M12.5 12V10.5a3.5 3.5 0 0 1 7 0V12"
        fill="none"
        stroke="var(--color-on-brand)"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
