// What judging a target needs to know about the return and its region's other years. Pure types.
import type { Level } from '../framework/schema.ts';
import type { QualitativeAnswer, ReturnData } from '../returns/schema.ts';
import type { CompiledFramework } from './compile.ts';
import type { IndicatorState } from './indicators.ts';
import type { CompiledReturn } from './input-validity.ts';
import type { RuleOptions } from './options.ts';

export interface TargetContext {
  compiled: CompiledFramework;
  options: RuleOptions;
  data: ReturnData;
  view: CompiledReturn;
  level: Level;
  states: IndicatorState[];
  /** indicator states of the same region in another year, null when there is no return for it */
  yearStates: (year: number) => IndicatorState[] | null;
  qualitative: Map<string, QualitativeAnswer>;
}
