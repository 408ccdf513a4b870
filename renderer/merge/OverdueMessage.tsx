// The short 催报 text beside the printable list: shown as it will be sent, with a 复制 button, to paste into WeChat
// or a text message. Used on the 汇总 page and on the county's home page.
import { useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';
import { copyText } from '../lib/clipboard.ts';

const T = MESSAGES.merge.overdue.message;

/** A 复制 button for one text; says 已复制 (or how to copy by hand) beside it. */
export function CopyButton({ text, label = T.copy, testId }: { text: string; label?: string; testId?: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const copy = async () => setSaid((await copyText(text)) ? T.copied : T.copyFailed);
  return (
    <>
      <button type="button" className="copy" onClick={() => void copy()} data-testid={testId} title={text}>
        {label}
      </button>
      {said && (
        <span className="muted small" role="status">
          {said}
        </span>
      )}
    </>
  );
}

export function OverdueMessage({ text }: { text: string }) {
  if (!text) return null;
  return (
    <div className="overdue-message" data-testid="overdue-message">
      <label htmlFor="overdue-message-text">{T.heading}</label>
      <textarea id="overdue-message-text" readOnly rows={3} value={text} onFocus={(e) => e.currentTarget.select()} />
      <div>
        <CopyButton text={text} testId="copy-overdue-message" />
      </div>
    </div>
  );
}
