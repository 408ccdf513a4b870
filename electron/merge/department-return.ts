// A county department exporting its return: when this computer reports as a department (profile role department)
// and the return is its county's, the export covers the department's items only, names the department as
// 填报单位 (洮北区卫生健康局) and records the department in the metadata, so the county's merge takes it as such.
import { departmentFramework } from '../../shared/aggregation/department.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { ReturnRow } from '../db/repos/returns-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { getProfile } from '../settings/settings-service.ts';

export interface DepartmentExport {
  department: string;
  framework: Framework;
  unitName: string;
}

export function departmentExport(
  ctx: AppContext,
  row: ReturnRow,
  framework: Framework,
  regionName: string,
): DepartmentExport | null {
  const profile = getProfile(ctx);
  if (profile?.role !== 'department' || !profile.department || profile.regionCode !== row.regionCode) return null;
  return {
    department: profile.department,
    framework: departmentFramework(framework, profile.department),
    unitName: `${regionName}${MESSAGES.merge.departmentName(profile.department)}`,
  };
}
