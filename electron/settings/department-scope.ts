// A county department (profile role department) enters, imports, exports and is judged on its own items only:
// the county items its department collects. Every door that writes a cell asks here first.
import { departmentFramework, outsideScope } from '../../shared/aggregation/department.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { ReturnData } from '../../shared/returns/schema.ts';
import type { AppContext } from '../context/app-context.ts';
import { getProfile } from './settings-service.ts';

export interface DepartmentScope {
  department: string;
  /** the framework cut down to the department's items, indicators and targets */
  framework: Framework;
  /** why a code is not the department's to fill (the item named), null when it is */
  refusal: (code: string, kind?: 'entry' | 'import') => string | null;
}

/** The department this computer reports as, for a return of its county; null for every other role or region. */
export function departmentScope(ctx: AppContext, regionCode: string, framework: Framework): DepartmentScope | null {
  const profile = getProfile(ctx);
  if (profile?.role !== 'department' || !profile.department || profile.regionCode !== regionCode) return null;
  const department = profile.department;
  const M = MESSAGES.merge;
  return {
    department,
    framework: departmentFramework(framework, department),
    refusal: (code, kind = 'entry') => {
      const out = outsideScope(framework, department, code);
      if (!out) return null;
      const reason = M.outsideScope(out.why, out.item.department, department);
      return kind === 'entry' ? M.notOwnItem(code, out.item.name, reason) : M.notOwnImport(code, out.item.name, reason);
    },
  };
}

/** A return's data with only the department's own cells (what it is judged on and exports). */
export function scopedData(scope: DepartmentScope, data: ReturnData): ReturnData {
  const own = new Set(scope.framework.dataItems.map((d) => d.code));
  return { ...data, cells: data.cells.filter((c) => own.has(c.item)), qualitative: [], externalThresholds: {} };
}
