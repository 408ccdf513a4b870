// A confirmation before an irreversible or unlocking step: says what will change, optionally asks for a reason
// (the confirm button stays disabled until one is written). Esc or 取消 leaves everything as it was.
import { useState, type ReactNode } from 'react';
import { MESSAGES } from '../../shared/messages.ts';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  reasonLabel,
  danger,
  blocked = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  /** what will change */
  children: ReactNode;
  confirmLabel: string;
  /** when given, a reason is required and passed to onConfirm */
  reasonLabel?: string;
  danger?: boolean;
  /** true while something in `children` (e.g. a confirmation box) is not yet done: the confirm button stays disabled */
  blocked?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const ready = !blocked && (!reasonLabel || reason.trim().length > 0);
  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <form
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onConfirm(reason.trim());
        }}
      >
        <h3>{title}</h3>
        <div className="dialog-body">{children}</div>
        {reasonLabel && (
          <label className="field">
            <span>{reasonLabel}</span>
            <input autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} autoFocus={!reasonLabel}>
            {MESSAGES.entry.cancel}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={!ready}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
