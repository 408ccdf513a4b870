// Files cross into the back end as base64 bytes: the renderer never touches the file system.
import type { FileKind } from '../../shared/api/shell-contract.ts';
import { api } from '../api/client.ts';

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves bytes through the save dialog; returns the path, or null when the user cancelled. */
export async function saveBase64(suggestedName: string, kind: FileKind, bytesBase64: string): Promise<string | null> {
  const result = await api['shell:save-file']({ suggestedName, kind, bytesBase64 });
  return result.path;
}
