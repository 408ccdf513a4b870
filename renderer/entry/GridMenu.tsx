// The grid's right-click menu (Electron shows none by default): 复制 / 剪切 / 粘贴 / 清除 / 无数据… / 查看本格修改记录.
// Keyboard: ↑/↓ move, Enter chooses, Esc closes; a click outside closes it.
import { useEffect, useRef, useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';

const M = MESSAGES.entry.menu;
export type GridMenuAction = 'copy' | 'cut' | 'paste' | 'clear' | 'noData' | 'history';
const ACTIONS: GridMenuAction[] = ['copy', 'cut', 'paste', 'clear', 'noData', 'history'];
const EDITS = new Set<GridMenuAction>(['cut', 'paste', 'clear', 'noData']);

export function GridMenu({
  x,
  y,
  readOnly,
  onAction,
  onClose,
}: {
  x: number;
  y: number;
  readOnly: boolean;
  onAction: (action: GridMenuAction) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const enabled = ACTIONS.filter((a) => !(readOnly && EDITS.has(a)));
  const [current, setCurrent] = useState(0);
  // kept inside the window
  const [pos, setPos] = useState({ left: x, top: y });
  useEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box)
      setPos({
        left: Math.min(x, window.innerWidth - box.width - 4),
        top: Math.min(y, window.innerHeight - box.height - 4),
      });
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [x, y]);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const focusAt = (i: number) => {
    setCurrent(i);
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')[i]?.focus();
  };
  return (
    <ul
      className="grid-menu"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA menu pattern (a list of menu items, arrow keys move between them)
      role="menu"
      aria-label={M.label}
      ref={ref}
      style={{ left: pos.left, top: pos.top }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          focusAt((current + 1) % enabled.length);
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          focusAt((current - 1 + enabled.length) % enabled.length);
        } else if (e.key === 'Tab') {
          e.preventDefault();
        }
      }}
    >
      {ACTIONS.map((a) => {
        const disabled = !enabled.includes(a);
        return (
          <li
            key={a}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a menu item of the ARIA menu pattern
            role="menuitem"
            tabIndex={-1}
            aria-disabled={disabled || undefined}
            className={disabled ? 'disabled' : undefined}
            onClick={() => {
              if (!disabled) onAction(a);
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && !disabled) {
                e.preventDefault();
                onAction(a);
              }
            }}
          >
            <span>{M[a]}</span>
            {M.keys[a] && <kbd>{M.keys[a]}</kbd>}
          </li>
        );
      })}
    </ul>
  );
}
