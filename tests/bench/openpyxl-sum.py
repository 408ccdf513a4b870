#!/usr/bin/python3
# The baseline the merge benchmark compares with: a plain openpyxl script that opens every return file and sums
# the same cells (合计/女/男 of every data item row, found by its code in column B). No checks, no rule engine,
# no database, no county return written. Prints JSON: files, cells summed, seconds, peak memory.
#   /usr/bin/python3 tests/bench/openpyxl-sum.py <dir>
import json, os, re, resource, sys, time
import openpyxl

CODE = re.compile(r'^[HECPSFVL]D\d{2}$')
folder = sys.argv[1]
start = time.perf_counter()
sums = {}
files = sorted(f for f in os.listdir(folder) if f.endswith('.xlsx'))
for name in files:
    wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
    for ws in wb.worksheets:
        if ws.title in ('校验结果', '元数据'):
            continue
        for row in ws.iter_rows(min_row=10, max_col=6, values_only=True):
            code = row[1] if len(row) > 1 else None
            if not isinstance(code, str) or not CODE.match(code):
                continue
            for col, sex in ((3, 'total'), (4, 'female'), (5, 'male')):
                v = row[col] if len(row) > col else None
                if isinstance(v, (int, float)):
                    key = code + '.' + sex
                    sums[key] = sums.get(key, 0) + v
    wb.close()
elapsed = time.perf_counter() - start
print(json.dumps({'files': len(files), 'cells': len(sums), 'seconds': elapsed,
                  'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'sums': sums}))
