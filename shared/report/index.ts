// Public surface of the printed return and the annual report: model builders, HTML renderers, one-call helpers.
import { buildReturnForm, type FormInput } from './build-form.ts';
import { buildAnnualReport, type ReportInput } from './build-report.ts';
import { systemFonts, toHtmlDocument, type FontSetup, type RenderedDocument } from './html.ts';
import type { AnnualReportModel, ReturnFormModel } from './model.ts';
import { renderReturnForm } from './render-form.ts';
import { renderAnnualReport } from './render-report.ts';

export { buildReturnForm, buildAnnualReport, renderReturnForm, renderAnnualReport, toHtmlDocument, systemFonts };
export type { FormInput, ReportInput, FontSetup, RenderedDocument };
export type * from './model.ts';

export function returnFormDocument(input: FormInput, fonts: FontSetup = systemFonts()): { model: ReturnFormModel; doc: RenderedDocument; html: string } {
  const model = buildReturnForm(input);
  const doc = renderReturnForm(model, fonts);
  return { model, doc, html: toHtmlDocument(doc) };
}

export function annualReportDocument(input: ReportInput, fonts: FontSetup = systemFonts()): { model: AnnualReportModel; doc: RenderedDocument; html: string } {
  const model = buildAnnualReport(input);
  const doc = renderAnnualReport(model, fonts);
  return { model, doc, html: toHtmlDocument(doc) };
}
