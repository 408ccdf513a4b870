export const api = {
  unknownChannel: (name: string) => `未知的调用：${name}`,
  invalidRequest: (name: string) => `请求内容不符合要求（${name}）`,
  internal: '程序内部错误，请重试；如仍出错，请联系技术支持',
  unauthorized: '未授权的请求',
  tooLarge: (mb: number) => `请求内容过大：一次最多 ${mb} MB。请把文件分批导入，单个报表文件不能超过 10 MB。`,
};
