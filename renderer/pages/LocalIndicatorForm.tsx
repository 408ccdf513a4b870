import { useState } from 'react';
import {
  AREA_CODES,
  AREA_LETTER,
  LOCAL_CODE_RANGE,
  type AreaCode,
  type DataItem,
  type Indicator,
} from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';

const T = MESSAGES.planAuthor.ui;
const RATE_UNITS = ['%', '‰', '1/10万'] as const;

/**
 * 登记本地指标: a rate the catalogue lacks, declared with a local code of its area (80–99) and its definition, unit,
 * numerator and denominator; a numerator or denominator that is a new local item gets its name here. The server
 * refuses a code that collides with the catalogue or leaves the range, and the refusal is shown under the form.
 */
export function LocalIndicatorForm({
  planId,
  local,
  onSaved,
}: {
  planId: string;
  local: Indicator[];
  onSaved: (message: string) => void;
}) {
  const [area, setArea] = useState<AreaCode>('health');
  const letter = AREA_LETTER[area];
  const [code, setCode] = useState(`${letter}${LOCAL_CODE_RANGE.from}`);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<(typeof RATE_UNITS)[number]>('%');
  const [note, setNote] = useState('');
  const [department, setDepartment] = useState('');
  const [numerator, setNumerator] = useState(`${letter}D${LOCAL_CODE_RANGE.from}`);
  const [numeratorName, setNumeratorName] = useState('');
  const [denominator, setDenominator] = useState('');
  const [denominatorName, setDenominatorName] = useState('');
  const [itemUnit, setItemUnit] = useState(T.localDefaults.itemUnit);
  const [error, setError] = useState('');

  const chooseArea = (next: AreaCode) => {
    setArea(next);
    setCode(`${AREA_LETTER[next]}${LOCAL_CODE_RANGE.from}`);
    setNumerator(`${AREA_LETTER[next]}D${LOCAL_CODE_RANGE.from}`);
  };
  const newItem = (itemCode: string, itemName: string): DataItem[] =>
    itemName.trim()
      ? [
          {
            code: itemCode.trim().toUpperCase(),
            name: itemName.trim(),
            unit: itemUnit.trim() || T.localDefaults.itemUnit,
            valueType: 'count',
            sex: 'single',
            decimals: 0,
            level: 'township',
            aggregation: 'sum',
            department: department.trim() || T.localDefaults.department,
          },
        ]
      : [];
  const save = async () => {
    setError('');
    const indicator: Indicator = {
      kind: 'ratio',
      code: code.trim().toUpperCase(),
      area,
      name: name.trim(),
      unit,
      decimals: 1,
      numerator: { item: numerator.trim().toUpperCase(), sex: 'total' },
      denominator: { item: denominator.trim().toUpperCase(), sex: 'total' },
      judgeLevel: 'township',
      department: department.trim() || T.localDefaults.department,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      const r = await api['plans:declare-local']({
        planId,
        indicator,
        dataItems: [...newItem(numerator, numeratorName), ...newItem(denominator, denominatorName)],
      });
      onSaved(r.message);
    } catch (e) {
      setError(
        e instanceof ApiCallError
          ? [e.error.message, ...e.error.details.map((d) => `${d.path} ${d.message}`)]
              .filter((m, i, all) => all.indexOf(m) === i)
              .join('；')
          : (e as Error).message,
      );
    }
  };
  const text = (label: string, value: string, onChange: (v: string) => void, cls = 'half', placeholder?: string) => (
    <label className={`field compact ${cls}`}>
      <span>{label}</span>
      <input
        aria-label={label}
        value={value}
        placeholder={placeholder}
        onChange={(e) => {
          onChange(e.target.value);
          setError('');
        }}
      />
    </label>
  );
  const ready = code.trim() && name.trim() && note.trim() && numerator.trim() && denominator.trim();

  return (
    <form
      className="local-indicator"
      data-testid="local-indicator"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void save();
      }}
    >
      <p className="muted small">{T.localIntro(LOCAL_CODE_RANGE.from, LOCAL_CODE_RANGE.to)}</p>
      {local.length > 0 && (
        <p className="small" data-testid="local-list">
          <strong>{T.localList}：</strong>
          {local.map((i) => `${i.code} ${i.name}`).join('；')}
        </p>
      )}
      <div className="editor-grid">
        <label className="field compact">
          <span>{T.localArea}</span>
          <select aria-label={T.localArea} value={area} onChange={(e) => chooseArea(e.target.value as AreaCode)}>
            {AREA_CODES.map((a) => (
              <option key={a} value={a}>
                {AREA_LETTER[a]} {MESSAGES.areaTitles[a]}
              </option>
            ))}
          </select>
        </label>
        {text(T.localCode, code, setCode, '')}
        {text(T.localName, name, setName)}
        <label className="field compact">
          <span>{T.localUnit}</span>
          <select aria-label={T.localUnit} value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)}>
            {RATE_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        {text(T.localDefinition, note, setNote, 'wide')}
        {text(T.localNumerator, numerator, setNumerator, '')}
        {text(`${T.localNumerator}${T.localNewItemName}`, numeratorName, setNumeratorName)}
        {text(T.localDenominator, denominator, setDenominator, '', `${letter}D01`)}
        {text(`${T.localDenominator}${T.localNewItemName}`, denominatorName, setDenominatorName)}
        {text(T.localItemUnit, itemUnit, setItemUnit, '')}
        {text(T.localDepartment, department, setDepartment, '', T.localDefaults.departmentExample)}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="local-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={!ready}>
        {T.localSave}
      </button>
    </form>
  );
}
