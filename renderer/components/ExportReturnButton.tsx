// A small button that exports one return as an Excel 统计报表 through the save dialog. Drop it anywhere a return id
// is known (the entry page, lists): <ExportReturnButton returnId={id} />.
import { useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { saveBase64 } from '../lib/files.ts';

const T = MESSAGES.excel.ui;

export function ExportReturnButton({
  returnId,
  label = T.exportButton,
  className,
  onDone,
  before,
}: {
  returnId: number;
  /** awaited first, e.g. the entry screen's pending saves, so the file holds every committed cell */
  before?: () => Promise<unknown>;
  label?: string;
  className?: string;
  /** called with the saved path, or null when the user cancelled */
  onDone?: (path: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const run = async () => {
    setBusy(true);
    setStatus(null);
    try {
      await before?.();
      const file = await api['excel:export-return']({ returnId });
      const path = await saveBase64(file.fileName, 'xlsx', file.bytesBase64);
      setStatus({ text: path ? T.exported(path) : T.cancelled, error: false });
      onDone?.(path);
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-return">
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={() => void run()}
        data-testid="export-return"
      >
        {busy ? T.exporting : label}
      </button>
      {status && (
        <span className={status.error ? 'error-text small' : 'muted small'} role="status">
          {status.text}
        </span>
      )}
    </span>
  );
}
