export const backups = {
  failed: (why: string) => `自动备份失败：${why}。数据仍然完整，但请检查磁盘空间。`,
  badName: '备份文件名不正确',
  notFound: (name: string) => `找不到备份 ${name}`,
  unreadable: (name: string, why: string) => `备份 ${name} 无法读取（${why}），可能已损坏，不能用于恢复`,
  reasons: { start: '启动时', migration: '升级前', import: '导入前', manual: '手动', 'before-restore': '恢复前' } as Record<string, string>,
};
