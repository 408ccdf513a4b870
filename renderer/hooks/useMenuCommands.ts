// Menu commands for the window, from the application menu (desktop: asked for through the contract's
// shell:menu-command, a long poll) and from the shortcuts the page handles itself (Ctrl+S, Ctrl+P, Ctrl+F, F1).
// Each arrives as a 'wdp:menu' DOM event, so any screen can listen for the ones it serves.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/api/shell-contract.ts';
import { api, isDesktop } from '../api/client.ts';

const MENU_EVENT = 'wdp:menu';
const sendMenuCommand = (command: MenuCommand) =>
  window.dispatchEvent(new CustomEvent<MenuCommand>(MENU_EVENT, { detail: command }));

const SHORTCUTS: Record<string, MenuCommand> = { s: 'save', p: 'print', f: 'find' };

/** Runs once for the app: the long poll (desktop only) and the keyboard shortcuts. */
export function useMenuCommandSource(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey;
      const command =
        e.key === 'F1' ? 'guide' : ctrl && !e.shiftKey && !e.altKey ? SHORTCUTS[e.key.toLowerCase()] : undefined;
      if (!command) return;
      e.preventDefault();
      sendMenuCommand(command);
    };
    window.addEventListener('keydown', onKey);
    let stopped = false;
    if (isDesktop) {
      void (async () => {
        while (!stopped) {
          try {
            const { command } = await api['shell:menu-command']({ waitMs: 25_000 });
            if (command && !stopped) sendMenuCommand(command);
          } catch {
            await new Promise((r) => setTimeout(r, 2_000));
          }
        }
      })();
    }
    return () => {
      stopped = true;
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** Calls `on` for each menu command while the component is shown. */
export function useMenuCommand(on: (command: MenuCommand) => void): void {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    const listener = (e: Event) => latest.current((e as CustomEvent<MenuCommand>).detail);
    window.addEventListener(MENU_EVENT, listener);
    return () => window.removeEventListener(MENU_EVENT, listener);
  }, []);
}
