#!/usr/bin/python3
# The peer the merge benchmark compares with: a plain openpyxl script doing the same work as `wdp merge`, minus the
# checks and the rule engine: open every return, find each item's row by its code (column B), sum 合计/女/男 over the
# townships, recompute every rate from the summed numerator and denominator, and WRITE the county workbook: one
# sheet per area with the sums, a sheet of rates, and a breakdown with every township side by side (the CLI writes
# the form sheets, 校验结果, 汇总说明, 数据来源 and 分单位明细). Prints JSON: files, cells summed, rates, sums.
#   /usr/bin/python3 tests/bench/openpyxl-merge.py <dir> <rates.json> <out.xlsx>
import json, os, re, sys
import openpyxl

CODE = re.compile(r'^[A-Z]D\d{2}$')
folder, rates_path, out = sys.argv[1:4]
rates = json.load(open(rates_path, encoding='utf-8'))
sums, by_town, towns = {}, {}, []
files = sorted(f for f in os.listdir(folder) if f.endswith('.xlsx'))
for name in files:
    wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
    mine = {}
    for ws in wb.worksheets:
        if ws.title in ('校验结果', '元数据'):
            continue
        for row in ws.iter_rows(min_row=10, max_col=6, values_only=True):
            code = row[1] if len(row) > 1 else None
            if not isinstance(code, str) or not CODE.match(code):
                continue
            for col, sex in ((3, 'total'), (4, 'female'), (5, 'male')):
                v = row[col] if len(row) > col else None
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    key = code + '.' + sex
                    sums[key] = sums.get(key, 0) + v
                    mine[key] = v
    wb.close()
    towns.append(name)
    by_town[name] = mine

book = openpyxl.Workbook()
book.remove(book.active)
areas = {}
for key in sorted(sums):
    areas.setdefault(key[0], []).append(key)
for area, keys in areas.items():
    ws = book.create_sheet('领域' + area)
    ws.append(['代码', '合计', '女', '男'])
    for code in sorted({k.split('.')[0] for k in keys}):
        ws.append([code] + [sums.get(code + '.' + s) for s in ('total', 'female', 'male')])
ws = book.create_sheet('比率')
ws.append(['指标', '分子', '分母', '比率'])
computed = {}
for r in rates:
    n, d = sums.get(r['numerator']), sums.get(r['denominator'])
    value = round(n / d * r['scale'], r['decimals']) if n is not None and d else None
    computed[r['code']] = value
    ws.append([r['code'], n, d, value])
ws = book.create_sheet('分单位明细')
columns = sorted(sums)
ws.append(['乡镇'] + columns)
for name in towns:
    ws.append([name] + [by_town[name].get(k) for k in columns])
book.save(out)
print(json.dumps({'files': len(files), 'cells': len(sums), 'rates': computed, 'sums': sums}))
