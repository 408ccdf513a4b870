import { localDate } from '../returns/dates.ts';

export const frameworkPackage = {
  fileName: (region: string, version: number) => `${region}-指标框架-第${version}版.wdpframework.json`,
  tooLarge: (file: string) => `文件“${file}”超过 5 MB，不是指标框架包。`,
  notJson: (file: string) =>
    `文件“${file}”不是指标框架包（无法按 JSON 读取）。请确认选择的是县级导出的 .wdpframework.json 文件。`,
  notPackage: (file: string) => `文件“${file}”不是本程序导出的指标框架包。`,
  unsigned: (file: string) =>
    `指标框架包“${file}”没有签名（旧版程序导出），无法确认由哪个单位制作，未导入。请县级用新版程序重新导出。`,
  altered: (file: string) =>
    `指标框架包“${file}”的签名与内容不符：文件在导出后被改动过（哪怕只改了一个字，包括导出时间和制作单位），未导入。请向县级重新索取。`,
  otherKey: (file: string, got: string, pinned: string, region: string) =>
    `指标框架包“${file}”不是用本机认定的${region}签名密钥制作的（本包密钥指纹 ${got}，本机认定的指纹 ${pinned}），未导入。请打电话与${region}核对密钥指纹：若对方确认重装过电脑、现在显示的指纹是 ${got}，可以重新认定签名密钥（“指标框架”页的“重新认定签名密钥…”，或 wdp plan import 加 --repin ${got} --reason <原因>）。`,
  repinMismatch: (typed: string, got: string) =>
    `填写的指纹 ${typed} 与本包的密钥指纹 ${got} 不符，未重新认定，未导入。请按对方电脑上显示的指纹填写。`,
  repinned: (region: string, from: string, to: string) =>
    `已重新认定${region}的签名密钥：原指纹 ${from}，新指纹 ${to}（已记录）。以后只接受用新密钥签名的指标框架包。`,
  repinTitle: '重新认定签名密钥',
  repinButton: '重新认定签名密钥…',
  repinBody: (region: string, from: string, to: string) =>
    `本机认定的${region}签名密钥指纹是 ${from}，这个框架包的指纹是 ${to}。只有在打电话与${region}核对、对方确认重装过电脑且现在显示的指纹是 ${to} 时，才重新认定。此操作会被记录。`,
  repinConfirm: (to: string) => `我已打电话核对，对方电脑上显示的指纹是 ${to}`,
  repinReason: '重新认定的原因（如：县妇儿工委办电脑重装，已电话核对）',
  repinDo: '重新认定并导入',
  repinHistory: (at: string, from: string, to: string, user: string, reason: string) =>
    `${localDate(at)} ${user || '—'} 重新认定：${from} → ${to}（${reason}）`,
  notPlanOffice: (file: string, maker: string, office: string) =>
    `指标框架包“${file}”由${maker}制作，不是规划的制定单位${office}，未导入。`,
  exportNotOffice: (office: string) => `只有规划的制定单位（${office}）可以导出指标框架包。`,
  checksum: (file: string) => `指标框架包“${file}”的校验码不符，文件可能在传递中损坏或被改动，请向县级重新索取。`,
  invalid: (file: string) => `指标框架包“${file}”的内容有误，未导入。`,
  otherPlan: (file: string, plan: string) => `指标框架包“${file}”属于《${plan}》，与本机所用规划不同，未导入。`,
  notNewer: (file: string, version: number, current: number) =>
    `指标框架包“${file}”是第 ${version} 版，本机已有第 ${current} 版，只能导入更新的版本（旧包不能再次导入）。`,
  imported: (version: number) => `已导入第 ${version} 版指标框架。已填报的数据保持不变。`,
  pinnedNow: (region: string, fp: string) =>
    `已认定${region}的签名密钥（指纹 ${fp}），以后只接受用这把密钥签名的指标框架包。请打电话与${region}核对指纹。`,
  exportButton: '导出指标框架包',
  importButton: '导入指标框架包…',
  ownKey: (fp: string) => `本单位签名密钥指纹：${fp}`,
  ownKeyNone: '本单位签名密钥：第一次导出指标框架包时生成',
  pinnedKey: (region: string, fp: string, at: string) => `已认定的${region}签名密钥指纹：${fp}（${localDate(at)}起）`,
  pinnedNone: '尚未认定县级签名密钥：导入第一个指标框架包时认定',
  fingerprintHint: '请打电话核对指纹：两边显示的一样，才说明框架包出自该单位。',
};
