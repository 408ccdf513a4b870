// The signed footer (表尾) on the entry screen: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期. Saved on 保存 (one
// audited call); refused fields are shown at the field with the back end's Chinese message. Read-only once submitted.
import { useEffect, useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';
import { FOOTER_FIELDS, type FooterField, type ReturnFooter } from '../../shared/returns/footer.ts';
import { isLockedStatus, type ReturnStatus } from '../../shared/returns/schema.ts';
import { api, ApiCallError } from '../api/client.ts';

const T = MESSAGES.entry.footer;

export function FooterPanel({
  returnId,
  initial,
  status,
}: {
  returnId: number;
  initial: ReturnFooter;
  status: ReturnStatus;
}) {
  const [footer, setFooter] = useState<ReturnFooter>(initial);
  const [errors, setErrors] = useState<Partial<Record<FooterField, string>>>({});
  const [notice, setNotice] = useState('');
  const readOnly = isLockedStatus(status);

  // the back end sets 报出日期 on submission: read the footer again when the status changes
  // biome-ignore lint/correctness/useExhaustiveDependencies: the status is the trigger (the footer changes with it on the back end)
  useEffect(() => {
    let live = true;
    void api['returns:get']({ returnId }).then(
      (v) => {
        if (live) setFooter(v.footer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [returnId, status]);

  const save = async () => {
    setNotice('');
    setErrors({});
    try {
      const r = await api['returns:set-footer']({ returnId, footer });
      setFooter(r.footer);
      setNotice(T.saved);
    } catch (e) {
      if (e instanceof ApiCallError) {
        const byField: Partial<Record<FooterField, string>> = {};
        for (const d of e.error.details) {
          const field = d.path.replace(/^footer\./, '') as FooterField;
          if (FOOTER_FIELDS.includes(field)) byField[field] = d.message;
        }
        setErrors(byField);
        setNotice(e.error.message);
      } else setNotice((e as Error).message);
    }
  };

  return (
    <section className="card footer-panel" data-testid="footer-panel">
      <h2>{T.heading}</h2>
      <p className="muted small">{readOnly ? T.locked : T.hint}</p>
      <div className="footer-fields">
        {FOOTER_FIELDS.map((f) => (
          <label key={f} className="footer-field">
            <span>{T.labels[f]}</span>
            <input
              type={f === 'reportedOn' ? 'date' : f === 'phone' ? 'tel' : 'text'}
              data-testid={`footer-${f}`}
              value={f === 'reportedOn' ? (footer.reportedOn ?? '') : footer[f]}
              disabled={readOnly}
              aria-invalid={errors[f] ? true : undefined}
              onChange={(e) =>
                setFooter((x) => ({ ...x, [f]: f === 'reportedOn' ? e.target.value || null : e.target.value }))
              }
            />
            {errors[f] && <span className="error-text small">{errors[f]}</span>}
          </label>
        ))}
        {!readOnly && (
          <button type="button" onClick={() => void save()} data-testid="footer-save">
            {T.save}
          </button>
        )}
      </div>
      {notice && (
        <p className="small" role="status" data-testid="footer-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
