// How the import recognises a row's code (data item HD01, indicator H01, target id) and an empty-looking cell.
export const ITEM_CODE = /^[HECPSFVL]D\d{2}$/;
export const INDICATOR_CODE = /^[HECPSFVL]\d{2}$/;
export const TARGET_ID = /^([a-z]+)-([HECPSFVL])-([GM]\d{2})-(\d)$/i;
/** what people type into a cell that has nothing to say */
export const DASHES = new Set(['—', '——', '-', '--', '－', '–', '…', '……', '...', '']);

/** A code as typed (spaces, any case) → its canonical form. */
export function normaliseCode(text: string): string {
  const t = text.replace(/\s+/g, '');
  const m = TARGET_ID.exec(t);
  if (m) return `${m[1].toLowerCase()}-${m[2].toUpperCase()}-${m[3].toUpperCase()}-${m[4]}`;
  return t.toUpperCase();
}
