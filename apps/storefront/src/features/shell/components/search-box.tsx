import { skipToken, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { SearchSuggestionsDocument, type SearchSuggestionsQuery } from '../../../generated/graphql';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value';
import styles from './search-box.module.css';

type Suggestion = SearchSuggestionsQuery['searchSuggestions'][number];

/** How long typing must pause before suggestions are asked for. */
export const SUGGEST_DELAY_MS = 150;
/** Shorter prefixes suggest too much to be useful. */
const MIN_CHARS = 2;

function searchPath(text: string): string {
  return `/search?q=${encodeURIComponent(text.trim())}`;
}

function suggestionPath(suggestion: Suggestion): string {
  return suggestion.product ? `/p/${suggestion.product.slug}` : searchPath(suggestion.text);
}

/**
 * The header's search field with autocomplete, a combobox per the WAI-ARIA pattern
 * (list autocomplete, focus stays in the field): ArrowDown/ArrowUp move through the
 * suggestions, Enter opens the highlighted one or searches for the text, Escape
 * closes the list (and clears the field when it is closed). A product suggestion
 * opens its page; a text one searches for it.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [text, setText] = useState(() => queryOf(location));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // On the results page, the field shows what was searched for (back/forward too).
  const [lastSearch, setLastSearch] = useState(location.search);
  if (location.search !== lastSearch) {
    setLastSearch(location.search);
    if (location.pathname === '/search') setText(queryOf(location));
  }

  const term = useDebouncedValue(text.trim(), SUGGEST_DELAY_MS);
  const { data, previousData } = useQuery(
    SearchSuggestionsDocument,
    // Only while the shopper is in the field: not for text put there by a results page.
    open && term.length >= MIN_CHARS ? { variables: { query: term } } : skipToken,
  );
  const suggestions =
    text.trim().length >= MIN_CHARS ? ((data ?? previousData)?.searchSuggestions ?? []) : [];
  const expanded = open && suggestions.length > 0;
  const activeIndex = expanded && active < suggestions.length ? active : -1;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const go = (path: string, label: string) => {
    setText(label);
    close();
    void navigate(path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        setOpen(true);
        setActive(expanded ? (activeIndex + 1) % count : 0);
        return;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        setOpen(true);
        setActive(expanded && activeIndex > 0 ? activeIndex - 1 : count - 1);
        return;
      case 'Enter': {
        const chosen = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
        if (!chosen) return; // The form submits the text.
        event.preventDefault();
        go(suggestionPath(chosen), chosen.product ? chosen.product.title : chosen.text);
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) close();
        else setText('');
        return;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    go(searchPath(text), text.trim());
  };

  return (
    <form role="search" className={styles.search} onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        Search products
      </label>
      <input
        id={inputId}
        className={styles.input}
        type="search"
        role="combobox"
        placeholder="Search products"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
        onFocus={() => setOpen(true)}
      />
      <button type="submit" className={styles.submit} aria-label="Search">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        className={styles.list}
        hidden={!expanded}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.text}-${suggestion.product?.id ?? ''}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={styles.option}
            // Keep the focus in the field: the click below chooses.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() =>
              go(
                suggestionPath(suggestion),
                suggestion.product ? suggestion.product.title : suggestion.text,
              )
            }
          >
            {suggestion.product ? (
              <>
                <span className={styles.optionText}>{suggestion.product.title}</span>{' '}
                <span className={styles.optionHint}>
                  {suggestion.product.brand ? `${suggestion.product.brand} · ` : ''}Product
                </span>
              </>
            ) : (
              <span className={styles.optionText}>{suggestion.text}</span>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}

function queryOf(location: { pathname: string; search: string }): string {
  return location.pathname === '/search'
    ? (new URLSearchParams(location.search).get('q') ?? '')
    : '';
}
