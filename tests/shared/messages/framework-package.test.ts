// The signing key's 认定 dates on the 指标框架 page are days in local time, like every other date the app shows.
// (They were the UTC day: a key pinned at 03:45 in Beijing showed the day before.)
import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../../helpers/time-zone.ts';
import { MESSAGES } from '../../../shared/messages.ts';

const P = MESSAGES.frameworkPackage;
inTimeZone('Asia/Shanghai');

describe('signing key dates', () => {
  const at = '2026-11-29T19:45:31.000Z'; // 2026-11-30 03:45:31 in Beijing
  it('the pinned key says since which local day', () => {
    expect(P.pinnedKey('洮北区', 'AB12', at)).toBe('已认定的洮北区签名密钥指纹：AB12（2026-11-30起）');
  });
  it('a re-pinning is listed under its local day', () => {
    expect(P.repinHistory(at, 'A', 'B', '王芳', '电脑重装')).toMatch(/^2026-11-30 王芳 重新认定/);
  });
});
