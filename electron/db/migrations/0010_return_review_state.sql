-- 0009: the township's own return carries the receiving office's decision. returns.status stays the entry
-- workflow (draft / checked / submitted); review says what the office decided on it: 'returned' (被退回, set
-- when its annotated copy is imported, the return editable again) or 'accepted' (审核通过, set when its receipt is
-- imported, the return locked). The app reads the pair as one status: 草稿, 已校验, 已报送, 被退回, 审核通过.
ALTER TABLE returns ADD COLUMN review TEXT CHECK (review IN ('returned', 'accepted'));
