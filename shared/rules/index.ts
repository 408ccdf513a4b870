// Public surface of the rule engine.
export { evaluateReturn } from './evaluate.ts';
export { compileFramework } from './compile.ts';
export { DEFAULT_RULE_OPTIONS, type RuleOptions } from './options.ts';
export { volatility } from './volatility.ts';
export { roundTo, formatInUnit } from './format.ts';
export * from './messages.ts';
