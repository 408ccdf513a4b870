// What the two imports of the 导入导出 page (a return's Excel file, an open-data file) show alike: the step under way
// or why it failed, the verdict's colour, and the box that asks before a file with warnings is written.
import { MESSAGES } from '../../shared/messages.ts';

const T = MESSAGES.excel.ui;

/** A checked (or written) file's verdict colour: refused, written with warnings to confirm, or fine. */
export const verdictClass = (
  r: { readable: boolean; counts: { errors: number; warnings: number } },
  written = false,
) =>
  written
    ? 'verdict ok'
    : !r.readable || r.counts.errors > 0
      ? 'verdict bad'
      : r.counts.warnings > 0
        ? 'verdict warn'
        : 'verdict ok';

/** The file being read, or why it could not be (nothing for the other steps). */
export function StepNotice({ stage }: { stage: { kind: string; text?: string } }) {
  if (stage.kind === 'busy')
    return (
      <p className="muted" role="status">
        {stage.text}
      </p>
    );
  if (stage.kind === 'failed')
    return (
      <p className="error" role="alert">
        {stage.text}
      </p>
    );
  return null;
}

/** 「有警告，仍要导入吗？」 with 确认导入 and 取消. */
export function ConfirmWarnings({
  onConfirm,
  onCancel,
  testId,
}: {
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <div className="confirm-box">
      <span>{T.confirmPrompt}</span>
      <button type="button" className="primary" onClick={onConfirm} data-testid={testId}>
        {T.confirmButton}
      </button>
      <button type="button" onClick={onCancel}>
        {T.cancelButton}
      </button>
    </div>
  );
}
