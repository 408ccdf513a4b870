// Public surface of the printed return, the annual report and the 中期/终期 evaluation report: model builders, HTML renderers, one-call helpers.
import { buildReturnForm, type FormInput } from './build-form.ts';
import { buildAnnualReport, type ReportInput } from './build-report.ts';
import { buildEvaluationReport, defaultEvaluationYear, nominalYear, type EvaluationInput } from './build-evaluation.ts';
import type { EvaluationReportModel } from './evaluation-model.ts';
import { renderEvaluationReport } from './render-evaluation.ts';
import { systemFonts, toHtmlDocument, type FontSetup, type RenderedDocument } from './html.ts';
import type { AnnualReportModel, ReturnFormModel } from './model.ts';
import { renderReturnForm } from './render-form.ts';
import { renderAnnualReport } from './render-report.ts';

export { buildReturnForm, buildAnnualReport, renderReturnForm, renderAnnualReport, toHtmlDocument, systemFonts };
export { buildEvaluationReport, renderEvaluationReport, defaultEvaluationYear, nominalYear };
export type { FormInput, ReportInput, EvaluationInput, FontSetup, RenderedDocument };
export type * from './model.ts';
export type * from './evaluation-model.ts';

export function returnFormDocument(
  input: FormInput,
  fonts: FontSetup = systemFonts(),
): { model: ReturnFormModel; doc: RenderedDocument; html: string } {
  const model = buildReturnForm(input);
  const doc = renderReturnForm(model, fonts);
  return { model, doc, html: toHtmlDocument(doc) };
}

export function annualReportDocument(
  input: ReportInput,
  fonts: FontSetup = systemFonts(),
): { model: AnnualReportModel; doc: RenderedDocument; html: string } {
  const model = buildAnnualReport(input);
  const doc = renderAnnualReport(model, fonts);
  return { model, doc, html: toHtmlDocument(doc) };
}

export function evaluationReportDocument(
  input: EvaluationInput,
  fonts: FontSetup = systemFonts(),
): { model: EvaluationReportModel; doc: RenderedDocument; html: string } {
  const model = buildEvaluationReport(input);
  const doc = renderEvaluationReport(model, fonts);
  return { model, doc, html: toHtmlDocument(doc) };
}
