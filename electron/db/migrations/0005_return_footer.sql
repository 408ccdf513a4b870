-- 0005: the signed footer (表尾) is part of a return: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期 (YYYY-MM-DD).
ALTER TABLE returns ADD COLUMN footer_head TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN footer_statistician TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN footer_filler TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN footer_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN reported_on TEXT;

-- A received version keeps the footer it came with (the contact for 催报), and when its file was made: the export
-- time of an app's export, the saved time of a workbook filled in Excel/WPS. Versions are ordered by 报出日期, then
-- by made_at, then by arrival. Until now reported_on held the export time: that is made_at; 报出日期 is unknown.
ALTER TABLE submissions ADD COLUMN made_at TEXT;
ALTER TABLE submissions ADD COLUMN footer_head TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN footer_statistician TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN footer_filler TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN footer_phone TEXT NOT NULL DEFAULT '';
UPDATE submissions SET made_at = reported_on, reported_on = NULL WHERE reported_on IS NOT NULL AND length(reported_on) > 10;
