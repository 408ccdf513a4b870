// Menu commands on their way to the renderer. The renderer asks for the next one through the contract
// (shell:menu-command, a long poll answered when a menu item is chosen or when the wait ends), so no event
// channel beyond the contract is exposed. No Electron here: tested directly.
import type { MenuCommand } from '../shared/api/shell-contract.ts';

export interface MenuCommandQueue {
  push(command: MenuCommand): void;
  /** the next command, or null after waitMs without one */
  next(waitMs: number): Promise<MenuCommand | null>;
}

export function menuCommandQueue(): MenuCommandQueue {
  const queued: MenuCommand[] = [];
  const waiting: ((command: MenuCommand | null) => void)[] = [];
  return {
    push(command) {
      const waiter = waiting.shift();
      if (waiter) waiter(command);
      else queued.push(command);
    },
    next(waitMs) {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        const done = (command: MenuCommand | null) => {
          clearTimeout(timer);
          resolve(command);
        };
        const timer = setTimeout(() => {
          const i = waiting.indexOf(done);
          if (i >= 0) waiting.splice(i, 1);
          resolve(null);
        }, waitMs);
        waiting.push(done);
      });
    },
  };
}
