// What only the door can do: show a save dialog, print the window. Electron supplies a dialog-based shell;
// the loopback adapter (tests, development) writes into a folder; the CLI writes files itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileKind, MenuCommand } from '../../shared/api/shell-contract.ts';

export interface Shell {
  /** asks where to save, writes the bytes; null when the user cancels */
  saveFile(suggestedName: string, kind: FileKind, bytes: Buffer): Promise<string | null>;
  /** prints the current page through the system dialog; false when unsupported or cancelled */
  print(options: { landscape: boolean }): Promise<boolean>;
  /** renders the current page to an A4 PDF (Chromium's printing), or null when unsupported */
  printToPdf(options: { landscape: boolean }): Promise<Buffer | null>;
  /** asks for a folder (merge imports); null when cancelled; absent where there is no folder dialog */
  pickFolder?(): Promise<string | null>;
  /** the application menu's next command for the window (null after waitMs; at once where there is no menu) */
  nextMenuCommand(waitMs: number): Promise<MenuCommand | null>;
}

/** A shell that saves into one folder without asking (tests, browser development); `pickFolder` answers the folder dialog in tests. */
export function folderShell(dir: string, options: { pickFolder?: () => string | null } = {}): Shell {
  const pick = options.pickFolder;
  return {
    ...(pick ? { pickFolder: async () => pick() } : {}),
    async saveFile(suggestedName, _kind, bytes) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, basename(suggestedName));
      writeFileSync(file, bytes);
      return file;
    },
    async print() {
      return false;
    },
    async printToPdf() {
      return null;
    },
    async nextMenuCommand() {
      return null;
    },
  };
}

export const noShell: Shell = {
  async saveFile() {
    return null;
  },
  async print() {
    return false;
  },
  async printToPdf() {
    return null;
  },
  async nextMenuCommand() {
    return null;
  },
};
