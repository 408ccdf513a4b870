#!/usr/bin/python3
# The benchmark's township returns as offices without the app make them: the app's blank template (wdp template)
# opened in openpyxl, each township's values typed into the 合计/女/男 cells of its items' rows (found by the code in
# column B), its code and name put in the header and the metadata sheet, saved under the township's name.
#   /usr/bin/python3 tests/bench/fill-templates.py <template.xlsx> <spec.json> <outdir>
# spec: {"townships": [{"code", "name", "file", "cells": {"HD01.total": 12, …}}]}
import json, os, sys
import openpyxl

template, spec_path, out = sys.argv[1:4]
spec = json.load(open(spec_path, encoding='utf-8'))
wb = openpyxl.load_workbook(template)
COLUMN = {'total': 4, 'female': 5, 'male': 6}
rows = {}          # code -> (sheet, row)
header = []        # (sheet, cell, prefix)
for ws in wb.worksheets:
    if ws.title == '元数据':
        continue
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            v = cell.value
            if isinstance(v, str) and (v.startswith('单位代码：') or v.startswith('填报单位：')):
                header.append((ws, cell.coordinate, v[:5]))
        code = row[1].value if len(row) > 1 else None
        if isinstance(code, str) and len(code) == 4 and code[1] == 'D':
            rows[code] = (ws, row[0].row)
meta = wb['元数据']
meta_rows = {r[0].value: r[1] for r in meta.iter_rows(min_row=1, max_row=meta.max_row) if r[0].value}

for town in spec['townships']:
    for key, value in town['cells'].items():
        code, sex = key.split('.')
        if code in rows:
            ws, r = rows[code]
            ws.cell(row=r, column=COLUMN[sex]).value = value
    for ws, coordinate, prefix in header:
        ws[coordinate] = prefix + (town['code'] if prefix == '单位代码：' else town['name'])
    meta_rows['regionCode'].value = town['code']
    meta_rows['regionName'].value = town['name']
    wb.save(os.path.join(out, town['file']))
