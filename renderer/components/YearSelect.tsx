// The year chooser every page shows: 「2025年」, the plan's base year and the years holding a return marked. With no
// year known yet it offers the chosen one alone.
import { MESSAGES } from '../../shared/messages.ts';

export function YearSelect({
  label,
  ariaLabel = label,
  value,
  years,
  onChange,
  baseYear,
  hasReturn,
}: {
  label: string;
  ariaLabel?: string;
  value: number;
  years: readonly number[];
  onChange: (year: number) => void;
  baseYear?: number;
  hasReturn?: (year: number) => boolean;
}) {
  const C = MESSAGES.app.common;
  return (
    <label className="inline-field">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} aria-label={ariaLabel}>
        {(years.length ? years : [value]).map((y) => (
          <option key={y} value={y}>
            {C.year(y)}
            {y === baseYear ? C.baseYear : ''}
            {hasReturn?.(y) ? C.hasReturn : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
