-- 0003: nothing typed is lost. Text typed into a cell that is not a valid number for its item (12.5 days,
-- "abc") is kept as typed, with value and no_data_reason NULL; the rule engine reports it as an error.
ALTER TABLE cell_values ADD COLUMN raw_text TEXT;
