// The CSV layer: BOM, RFC 4180 quoting, OWASP formula neutralisation that reads back to the same text.
import { describe, expect, it } from 'vitest';
import { BOM, neutralise, parseCsv, unneutralise, writeCsv } from '../../../shared/open-data/csv.ts';

const LIMITS = { maxRows: 100, maxFieldChars: 1000 };

describe('CSV', () => {
  const texts = [
    '=SUM(A1:A9)',
    '+86 0735',
    '-暂缺',
    '@卫健局',
    '\t制表',
    '\r回车',
    "'引号开头",
    "''两个",
    '普通文字',
    '含,逗号',
    '含"引号"',
    '第一行\n第二行',
    ' 前后空格 ',
    '',
  ];

  it('starts with a BOM, quotes what needs it, ends lines with CRLF', () => {
    const text = writeCsv(
      ['名称', '数值'],
      [
        ['含,逗号', 1.5],
        ['含"引号"', null],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}名称,数值\r\n"含,逗号",1.5\r\n"含""引号""",\r\n`);
  });

  it('no written text field starts a formula; numbers stay numbers', () => {
    for (const t of texts) expect(neutralise(t)).not.toMatch(/^[=+\-@\t\r]/);
    expect(writeCsv(['x'], [[-5]])).toContain('\r\n-5\r\n');
  });

  it('what is written reads back to the same fields', () => {
    const text = writeCsv(
      ['a', 'b'],
      texts.map((t, i) => [t, i]),
    );
    const parsed = parseCsv(text.slice(1), LIMITS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.slice(1).map((r) => unneutralise(r[0]))).toEqual(texts);
  });

  it('refuses broken quoting and oversized input with the line', () => {
    expect(parseCsv('a,b\r\n"open,1\r\n', LIMITS)).toEqual({ ok: false, code: 'unterminated_quote', line: 3 });
    expect(parseCsv('a,b\r\nx"y,1\r\n', LIMITS)).toEqual({ ok: false, code: 'stray_quote', line: 2 });
    expect(parseCsv('a\n'.repeat(200), LIMITS)).toMatchObject({ ok: false, code: 'too_many_rows' });
    expect(parseCsv(`a\n${'x'.repeat(2000)}\n`, LIMITS)).toMatchObject({ ok: false, code: 'field_too_long', line: 2 });
  });
});
