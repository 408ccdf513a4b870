export { MESSAGES } from './messages/index.ts';

/** The language every text of the app is in: its messages, its numbers and dates, Chromium's own widgets. */
export const APP_LOCALE = 'zh-CN';
