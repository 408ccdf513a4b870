import { useState } from 'react';
import type { DataItem, SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

const T = MESSAGES.entry;

/** Marks a cell 无数据 with a reason: missing is not zero, and the reason travels with the return. */
export function NoDataDialog({
  item,
  sex,
  initial,
  onSave,
  onCancel,
}: {
  item: DataItem;
  sex: SexColumn;
  initial: string;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState(initial);
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={T.actions.noData}>
      <form
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onSave(reason.trim());
        }}
      >
        <h3>
          {item.code} {item.name} · {T.sexLabel[sex]}
        </h3>
        <label className="field">
          <span>{T.noDataPrompt}</span>
          <input
            autoFocus
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {T.cancel}
          </button>
          <button type="submit" className="primary" disabled={!reason.trim()}>
            {T.noDataSave}
          </button>
        </div>
      </form>
    </div>
  );
}
