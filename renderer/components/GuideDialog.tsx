// 帮助 → 使用说明 (F1): the day's work in a few lines, keyboard habits included.
import { MESSAGES } from '../../shared/messages.ts';

const M = MESSAGES.app.menu;

export function GuideDialog({ onClose }: { onClose: () => void }) {
  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={M.guideTitle}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="dialog wide">
        <h3>{M.guideTitle}</h3>
        <ul className="guide">
          {M.guideLines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {M.close}
          </button>
        </div>
      </div>
    </div>
  );
}
