// What the window prints: a report document's own scoped stylesheet and body, placed outside the app's layout
// (print-page.css shows only this when printing). Used by 打印与报告 and the 催报 list.
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { PRINT_STYLE_ATTRIBUTE } from '../../shared/report/html.ts';
import '../pages/print-page.css';

/** The scoped stylesheet and the printable body of a report document. */
function printableParts(html: string): { css: string; body: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { css: doc.querySelector(`style[${PRINT_STYLE_ATTRIBUTE}]`)?.textContent ?? '', body: doc.body.innerHTML };
}

export function PrintHost({ html }: { html: string | null }) {
  const parts = useMemo(() => (html ? printableParts(html) : null), [html]);
  if (!parts) return null;
  return createPortal(
    <div className="wdp-print-host" aria-hidden>
      <style>{parts.css}</style>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the report document built by shared/report, every value escaped there */}
      <div dangerouslySetInnerHTML={{ __html: parts.body }} />
    </div>,
    document.body,
  );
}
