import { useEffect, useMemo, useRef, useState } from 'react';
import { describeRule, indicatorUnit } from '../../shared/framework/describe.ts';
import { isLocalCode, type DataItem, type Indicator } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';
import { inputOf, kindsFor, previewInputOf, ruleOf, type RuleKind, type TargetDraft } from '../lib/target-draft.ts';

const T = MESSAGES.planAuthor.ui;

const errorText = (e: unknown) =>
  e instanceof ApiCallError
    ? [e.error.message, ...e.error.details.map((d) => d.message)].filter((m, i, all) => all.indexOf(m) === i).join('；')
    : (e as Error).message;

/**
 * One target of an authored plan as its plan states it: the rule's fields (by kind), its year, sentence and item
 * number; a sample value judged live by the real engine; saved as a new version. A contradictory rule is refused
 * beside the rule's fields, by the preview as soon as it is typed and by the save.
 */
/** What the catalogue says of an indicator: its definition, unit, numerator and denominator (or source), department. */
function IndicatorInfo({ indicator, items }: { indicator: Indicator; items: DataItem[] }) {
  const I = T.indicatorInfo;
  const item = (ref: { item: string; sex: string }) => {
    const d = items.find((x) => x.code === ref.item);
    return (
      <>
        {`${ref.item} ${d?.name ?? ''}${ref.sex === 'female' ? I.female : ''}${d ? `（${d.unit}）` : ''}`}
        {d?.note && <span className="muted">{I.itemNote(d.note)}</span>}
      </>
    );
  };
  return (
    <dl className="indicator-info small" data-testid="indicator-info">
      {isLocalCode(indicator.code) && (
        <>
          <dt>{I.local}</dt>
          <dd>{indicator.code}</dd>
        </>
      )}
      {indicator.kind === 'qualitative' ? (
        <>
          <dt>{I.unit}</dt>
          <dd>{I.qualitative}</dd>
        </>
      ) : (
        <>
          <dt>{I.unit}</dt>
          <dd>{indicatorUnit(indicator)}</dd>
        </>
      )}
      {indicator.kind === 'ratio' && (
        <>
          <dt>{I.numerator}</dt>
          <dd>{item(indicator.numerator)}</dd>
          <dt>{I.denominator}</dt>
          <dd>{item(indicator.denominator)}</dd>
        </>
      )}
      {indicator.kind === 'value' && (
        <>
          <dt>{I.source}</dt>
          <dd>{item(indicator.source)}</dd>
        </>
      )}
      <dt>{I.department}</dt>
      <dd>{indicator.department}</dd>
      {indicator.note && (
        <>
          <dt>{I.definition}</dt>
          <dd>{indicator.note}</dd>
        </>
      )}
    </dl>
  );
}

export function TargetEditor({
  planId,
  period,
  catalogue,
  items = [],
  initial,
  onSaved,
  onCancel,
}: {
  planId: string;
  /** the plan's period, to tell a year outside it (marked at the year) from a contradictory rule */
  period: { start: number; end: number };
  catalogue: Indicator[];
  /** the catalogue's data items (and the plan's local ones), to name numerators and denominators */
  items?: DataItem[];
  initial: TargetDraft;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<TargetDraft>(initial);
  const [sample, setSample] = useState('');
  const [verdict, setVerdict] = useState<{ status: string | null; message: string } | null>(null);
  const [ruleError, setRuleError] = useState('');
  const [saveError, setSaveError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TargetDraft>(key: K, value: TargetDraft[K]) => setD((x) => ({ ...x, [key]: value }));
  const indicator = catalogue.find((i) => i.code === d.indicator);
  const kinds = kindsFor(indicator, d);
  const rule = ruleOf(d);
  const input = inputOf(d);
  const isNew = !initial.targetId;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  // the live verdict: the engine judges the sample under the rule as typed (nothing stored)
  const previewKey = JSON.stringify([previewInputOf(d), sample]);
  useEffect(() => {
    // everything the preview asks is in its key, so the effect runs exactly when the question changes
    const [target, sampleText] = JSON.parse(previewKey) as [ReturnType<typeof previewInputOf>, string];
    const value = Number(sampleText);
    if (!target) {
      setVerdict(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      if (sampleText.trim() === '' || !Number.isFinite(value)) {
        setVerdict(null);
        // still check the rule itself: a contradictory one is refused at once
        api['plans:preview-target']({ planId, target, sample: 0 }).then(
          () => live && setRuleError(''),
          (e) => live && setRuleError(errorText(e)),
        );
        return;
      }
      api['plans:preview-target']({ planId, target, sample: value }).then(
        (r) => {
          if (live) {
            setVerdict(r);
            setRuleError('');
          }
        },
        (e) => {
          if (live) {
            setVerdict(null);
            setRuleError(errorText(e));
          }
        },
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [previewKey, planId]);

  const save = async () => {
    if (!input) return;
    setBusy(true);
    setSaveError('');
    try {
      const value = Number(sample);
      const r = await api['plans:set-target']({
        planId,
        target: input,
        ...(sample.trim() !== '' && Number.isFinite(value) ? { sample: value } : {}),
      });
      onSaved([r.message, r.sample?.message].filter(Boolean).join('　'));
    } catch (e) {
      // the refusals are about the rule (contradictory values, a year outside the period): shown at its fields
      if (e instanceof ApiCallError && e.error.code === 'invalid_request') setRuleError(errorText(e));
      else setSaveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const byArea = useMemo(() => {
    const groups = new Map<string, Indicator[]>();
    for (const i of catalogue) groups.set(i.area, [...(groups.get(i.area) ?? []), i]);
    return [...groups];
  }, [catalogue]);
  const unit = indicator ? indicatorUnit(indicator) : '';
  // the refusal names its problems; the year's is marked at the year, the others at the rule's values
  const yearMessage =
    d.year.trim() !== '' ? MESSAGES.planAuthor.yearOutside(Number(d.year), period.start, period.end) : null;
  const yearInvalid = yearMessage && ruleError.includes(yearMessage) ? true : undefined;
  // no error is the empty text, which split would turn into one (empty) problem
  // biome-ignore lint/complexity/useOptionalChain: an optional chain would split the empty text (no error) into one problem
  const invalid = ruleError && ruleError.split('；').some((m) => m !== yearMessage) ? true : undefined;
  const numberField = (
    key: 'value' | 'tolerance' | 'min' | 'max' | 'low' | 'high' | 'years' | 'stableTolerance',
    label: string,
  ) => (
    <label className="field compact">
      <span>{label}</span>
      <input
        aria-label={label}
        inputMode="decimal"
        value={d[key]}
        aria-invalid={invalid}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  const check = (key: 'strict' | 'minStrict' | 'maxStrict' | 'toward', label: string) => (
    <label className="radio">
      <input type="checkbox" checked={d[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  return (
    <form
      ref={formRef}
      className="card target-editor"
      data-testid="target-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{isNew ? T.addHeading : T.editorHeading(indicator ? `${indicator.code} ${indicator.name}` : d.indicator)}</h2>
      <div className="editor-grid">
        {isNew && (
          <label className="field compact wide">
            <span>{T.indicator}</span>
            <select
              aria-label={T.indicator}
              value={d.indicator}
              onChange={(e) => {
                const next = catalogue.find((i) => i.code === e.target.value);
                setD((x) => ({
                  ...x,
                  indicator: e.target.value,
                  kind: next?.kind === 'qualitative' ? 'qualitative' : x.kind === 'qualitative' ? 'at_least' : x.kind,
                }));
              }}
            >
              <option value="">{T.chooseIndicator}</option>
              {byArea.map(([area, list]) => (
                <optgroup key={area} label={MESSAGES.areaTitles[area as keyof typeof MESSAGES.areaTitles]}>
                  {list.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code} {i.name}
                      {i.kind === 'qualitative' ? '' : `（${indicatorUnit(i)}）`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {isNew && indicator && <IndicatorInfo indicator={indicator} items={items} />}
        <label className="field compact half">
          <span>{T.text}</span>
          <input aria-label={T.text} value={d.text} onChange={(e) => set('text', e.target.value)} />
        </label>
        <label className="field compact">
          <span>{T.section}</span>
          <select
            aria-label={T.section}
            value={d.section}
            onChange={(e) => set('section', e.target.value as TargetDraft['section'])}
          >
            {T.sections.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span>{T.item}</span>
          <input aria-label={T.item} inputMode="numeric" value={d.item} onChange={(e) => set('item', e.target.value)} />
        </label>
        <fieldset className="field compact wide rule-fields">
          <div className="rule-row">
            <label className="field compact">
              <span>{T.kind}</span>
              <select aria-label={T.kind} value={d.kind} onChange={(e) => set('kind', e.target.value as RuleKind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {T.kinds[k]}
                  </option>
                ))}
              </select>
            </label>
            {(d.kind === 'at_least' || d.kind === 'at_most') && (
              <>
                {numberField('value', `${T.value}（${unit}）`)}
                {check('strict', T.strict)}
              </>
            )}
            {d.kind === 'about' && (
              <>
                {numberField('value', `${T.value}（${unit}）`)}
                {numberField('tolerance', T.tolerance)}
                <label className="field compact">
                  <span>{T.sides}</span>
                  <select
                    aria-label={T.sides}
                    value={d.sides}
                    onChange={(e) => set('sides', e.target.value as TargetDraft['sides'])}
                  >
                    {(['both', 'at_least', 'at_most'] as const).map((k) => (
                      <option key={k} value={k}>
                        {T.sidesChoices[k]}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            {d.kind === 'range' && (
              <>
                {numberField('min', T.min)}
                {check('minStrict', T.strict)}
                {numberField('max', T.max)}
                {check('maxStrict', T.strict)}
              </>
            )}
            {d.kind === 'balanced' && (
              <>
                {numberField('low', T.low)}
                {numberField('high', T.high)}
                {check('toward', T.toward)}
              </>
            )}
            {d.kind === 'trend' && (
              <>
                <label className="field compact">
                  <span>{T.direction}</span>
                  <select
                    aria-label={T.direction}
                    value={d.direction}
                    onChange={(e) => set('direction', e.target.value as TargetDraft['direction'])}
                  >
                    {(['increase', 'decrease', 'stable', 'slowing_increase'] as const).map((k) => (
                      <option key={k} value={k}>
                        {T.directions[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field compact">
                  <span>{T.basis}</span>
                  <select
                    aria-label={T.basis}
                    value={d.basis}
                    onChange={(e) => set('basis', e.target.value as TargetDraft['basis'])}
                  >
                    {(['previous_year', 'baseline'] as const).map((k) => (
                      <option key={k} value={k}>
                        {T.bases[k]}
                      </option>
                    ))}
                  </select>
                </label>
                {d.direction === 'slowing_increase' && numberField('years', T.years)}
                {d.direction === 'stable' && numberField('stableTolerance', T.stableTolerance)}
              </>
            )}
            <label className="field compact">
              <span>{T.year}</span>
              <input
                aria-label={T.year}
                inputMode="numeric"
                value={d.year}
                aria-invalid={yearInvalid}
                onChange={(e) => set('year', e.target.value)}
              />
            </label>
          </div>
          {rule && indicator && (
            <p className="muted small" data-testid="rule-described">
              {T.rule(describeRule(rule, indicator))}
            </p>
          )}
          {ruleError && (
            <p className="error-text field-error" role="alert" data-testid="rule-error">
              {ruleError}
            </p>
          )}
        </fieldset>
        <label className="field compact wide">
          <span>{T.quote}</span>
          <textarea aria-label={T.quote} rows={2} value={d.quote} onChange={(e) => set('quote', e.target.value)} />
        </label>
        <div className="sample-box wide">
          <label className="field compact">
            <span>{T.sample}</span>
            <input
              aria-label={T.sample}
              placeholder={T.samplePlaceholder}
              inputMode="decimal"
              value={sample}
              onChange={(e) => setSample(e.target.value)}
            />
          </label>
          <output
            className={verdict?.status ? `sample-verdict status-${verdict.status}` : 'sample-verdict'}
            data-testid="sample-verdict"
            aria-live="polite"
          >
            {verdict?.message ?? ''}
          </output>
        </div>
      </div>
      {saveError && (
        <p className="error" role="alert">
          {saveError}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={!input || busy}>
          {T.save}
        </button>
        <button type="button" onClick={onCancel}>
          {T.cancel}
        </button>
      </div>
    </form>
  );
}
