/**
 * A progress bar with a text label. Without `value` it is indeterminate (the total is not known
 * yet, as while records are being fetched); screen readers get the label either way.
 */
export function ProgressBar({ label, value, max = 100 }: { label: string; value?: number; max?: number }) {
  const percent = value === undefined || max <= 0 ? undefined : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <div
      className={`progress${percent === undefined ? " progress--indeterminate" : ""}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={percent === undefined ? undefined : 0}
      aria-valuemax={percent === undefined ? undefined : max}
      aria-valuenow={percent === undefined ? undefined : value}
      aria-valuetext={label}
    >
      <span className="progress__bar" style={percent === undefined ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
