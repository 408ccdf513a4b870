// System errors (Node's errno codes) as the user reads them: in Chinese, never ENOENT or an absolute path.
// electron/services/system-error.ts picks the sentence; the file is named as the user chose it (relative to the
// folder chosen when it is inside one).
const REASONS: Record<string, string> = {
  ENOENT: '找不到文件（可能已被移动、删除，或链接指向的文件不存在）',
  ENOTDIR: '路径中有一段不是文件夹',
  EACCES: '没有读取权限',
  EPERM: '系统不允许读取（没有权限）',
  ELOOP: '链接形成循环（链接最终又指向自己）',
  EISDIR: '这是文件夹，不是文件',
  EMFILE: '同时打开的文件过多，请稍后重试',
  ENFILE: '同时打开的文件过多，请稍后重试',
  EBUSY: '文件正被其他程序使用',
  ETXTBSY: '文件正被其他程序使用',
  EIO: '读取磁盘时出错（磁盘或U盘可能有损坏）',
  ENAMETOOLONG: '文件名或路径过长',
  ENXIO: '设备不可用（可能是命名管道或已拔出的设备）',
  EAGAIN: '文件暂时无法读取（可能是命名管道）',
  ENODEV: '设备不可用',
  ESTALE: '网络文件已失效，请重新打开文件夹',
  ETIMEDOUT: '读取超时（网络文件夹可能已断开）',
};

/** the same codes when writing (-o, a backup): the few that differ */
const WRITE_REASONS: Record<string, string> = {
  ENOENT: '要写入的文件夹不存在',
  EACCES: '没有写入权限',
  EPERM: '系统不允许写入（没有权限）',
  EROFS: '磁盘或U盘是只读的',
  ENOSPC: '磁盘空间不足',
  EISDIR: '这是文件夹，请给出文件名',
};

export const files = {
  /** the file-type names of the save dialog's filter, by file kind */
  saveFilter: {
    xlsx: 'Excel 工作簿',
    pdf: 'PDF 文件',
    html: '网页文件',
    json: 'JSON 文件',
    csv: 'CSV 文件',
    xml: 'XML 文件',
    zip: 'ZIP 压缩文件',
  },
  /** the reason for one errno code when writing */
  writeReason: (code: string | undefined) =>
    (code && (WRITE_REASONS[code] ?? REASONS[code])) || '系统无法写入（请检查文件夹是否存在、是否有权限）',
  /** a file the app could not write, named */
  cannotWrite: (name: string, reason: string) => `无法写入“${name}”：${reason}`,
  /** a system error where the file is not known */
  plain: (reason: string) => reason,
  /** the reason for one errno code; `other` for a code without its own sentence */
  reason: (code: string | undefined) => (code && REASONS[code]) || '系统无法读取（请检查文件是否完好、是否有权限）',
  /** a file (or folder) that could not be read, named */
  cannotRead: (name: string, reason: string) => `无法读取“${name}”：${reason}`,
};
