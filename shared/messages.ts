export { MESSAGES } from './messages/index.ts';
