import { formatNumber } from "../lib/format.ts";

/** "Showing 51–100 of 1,234" with previous/next; offset paging as the list endpoints use it. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
  label = "Pages",
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label?: string;
}) {
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__summary" aria-live="polite">
        Showing {formatNumber(first)}–{formatNumber(last)} of {formatNumber(total)}
      </p>
      <div className="pager__buttons">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={last >= total}
          onClick={() => onChange(offset + limit)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
