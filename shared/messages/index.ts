// Every user-facing string of the app (zh-CN), by domain. UI code and services take their text from here.
import { api } from './api.ts';
import { app } from './app.ts';
import { cli } from './cli.ts';
import { areaShortNames, areaTitles, framework } from './framework.ts';
import { returns } from './returns.ts';
import { backups } from './backups.ts';
import { entry } from './entry.ts';
import { excel } from './excel.ts';
import { frameworkPackage } from './framework-package.ts';
import { frameworkAdjust } from './framework-adjust.ts';
import { report } from './report.ts';
import { merge } from './merge.ts';
import { openData } from './open-data.ts';
import { diagnostics } from './diagnostics.ts';
import { files } from './files.ts';
import { AUTHOR_MSG as planAuthor } from './plan-author.ts';

export const MESSAGES = {
  api,
  app,
  cli,
  framework,
  areaTitles,
  areaShortNames,
  returns,
  backups,
  entry,
  frameworkPackage,
  frameworkAdjust,
  report,
  excel,
  merge,
  openData,
  diagnostics,
  files,
  planAuthor,
};
