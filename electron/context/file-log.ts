// The desktop app's log file: electron-log's file transport in userData/logs (main.log, moved to main.old.log past
// 1 MB). Apart from app-log.ts so that the command line, which writes no log, never loads electron-log.
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { type AppLog, describeError, LOG_FILE, LOG_MAX_BYTES, withoutHome } from './app-log.ts';

let loggers = 0;

/** A log written to `dir`/main.log, rotated to main.old.log when it passes `maxBytes`. */
export function createFileLog(dir: string, options: { maxBytes?: number; console?: boolean } = {}): AppLog {
  const log = electronLog.create({ logId: `wdp-${++loggers}` });
  log.transports.file.setAppName('wdp-monitor');
  log.transports.file.resolvePathFn = () => join(dir, LOG_FILE);
  log.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = options.console ? 'warn' : false;
  return {
    dir,
    info: (message) => log.info(withoutHome(message)),
    warn: (message) => log.warn(withoutHome(message)),
    error: (message, error) =>
      log.error(withoutHome(error === undefined ? message : `${message}\n${describeError(error)}`)),
  };
}
