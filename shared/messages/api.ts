export const api = {
  unknownChannel: (name: string) => `未知的调用：${name}`,
  invalidRequest: (name: string) => `请求内容不符合要求（${name}）`,
  internal: '程序内部错误，请重试；如仍出错，请联系技术支持',
  unauthorized: '未授权的请求',
};
