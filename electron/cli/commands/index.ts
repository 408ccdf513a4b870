// Every CLI command; add a command by writing commands/<name>.ts and listing it here.
import type { CliCommand } from '../command.ts';
import { planCommand } from './plan-show.ts';
import { plansCommand } from './plans.ts';
import { reportCommand } from './report.ts';
import { templateCommand } from './template.ts';
import { exportCommand } from './export.ts';
import { validateCommand } from './validate.ts';
import { importCommand } from './import.ts';
import { mergeCommand } from './merge.ts';
import { exportDataCommand } from './export-data.ts';
import { overdueCommand } from './overdue.ts';

export const COMMANDS: CliCommand[] = [plansCommand, planCommand, reportCommand, templateCommand, exportCommand, validateCommand, importCommand, mergeCommand, exportDataCommand, overdueCommand];
