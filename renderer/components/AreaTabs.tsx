// The eight areas of a plan as tabs (framework browser, plan authoring), in the plan's order.
import type { AreaCode, PlanArea } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

export function AreaTabs({
  areas,
  current,
  onChange,
}: {
  areas: readonly Pick<PlanArea, 'area'>[];
  current: AreaCode;
  onChange: (area: AreaCode) => void;
}) {
  return (
    <div className="tabs" role="tablist">
      {areas.map((a) => (
        <button
          type="button"
          key={a.area}
          role="tab"
          aria-selected={a.area === current}
          className={a.area === current ? 'tab active' : 'tab'}
          onClick={() => onChange(a.area)}
        >
          {MESSAGES.areaTitles[a.area]}
        </button>
      ))}
    </div>
  );
}
