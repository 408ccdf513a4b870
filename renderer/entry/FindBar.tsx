// Ctrl+F on the entry screen: find a data item by code or name in every area; Enter goes to the next match.
import { useState } from 'react';
import type { DataItem } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

const T = MESSAGES.entry.find;

export function FindBar({
  items,
  onFound,
  onClose,
}: {
  items: DataItem[];
  onFound: (item: DataItem) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [miss, setMiss] = useState('');
  const find = () => {
    const q = query.trim().toLowerCase();
    if (!q) return;
    const matches = items.filter((d) => d.code.toLowerCase().includes(q) || d.name.toLowerCase().includes(q));
    if (matches.length === 0) {
      setMiss(T.none(query.trim()));
      return;
    }
    setMiss('');
    onFound(matches[index % matches.length]);
    setIndex((i) => i + 1);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the search landmark on the bar itself; <search> is not yet known to every engine the app is checked in
    <div className="find-bar" role="search">
      <input
        autoFocus
        aria-label={T.label}
        placeholder={T.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find();
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      {miss && (
        <span className="error-text small" role="status">
          {miss}
        </span>
      )}
      <button type="button" onClick={onClose}>
        {T.close}
      </button>
    </div>
  );
}
