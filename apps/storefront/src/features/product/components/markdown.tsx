import type { ReactNode } from 'react';
import styles from './product.module.css';

/**
 * A small Markdown renderer for product descriptions, building React elements only:
 * no HTML string is ever produced or injected, so raw HTML in a description shows as
 * the text it is, and links keep only http(s), mailto, and same-site addresses.
 *
 * Supports what sellers write: headings (the description's top level is h3, under the
 * page's h1 and h2, and no level is skipped), paragraphs with hard breaks, bold, italic, inline and fenced code,
 * links and autolinks, bullet and numbered lists, quotes and rules. Images show
 * their alt text (the gallery holds the pictures).
 */
export function Markdown({ source }: { source: string }) {
  const text = source.slice(0, MAX_LENGTH);
  const outline: Outline = { topDepth: topHeadingDepth(text), last: 2 };
  return <div className={styles.markdown}>{renderBlocks(text, 'md', outline)}</div>;
}

/** How headings map to levels: the description's top depth, the last level rendered. */
interface Outline {
  topDepth: number;
  last: number;
}

/** The fewest `#` of any heading outside code: "## Highlights" alone is a top heading. */
function topHeadingDepth(source: string): number {
  let top = 6;
  let inFence = false;
  for (const line of source.split(/\r\n?|\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) top = Math.min(top, (heading[1] ?? '#').length);
  }
  return top;
}

/** h3 for the top depth, one deeper per `#`, never more than one below the previous heading. */
function headingLevel(depth: number, outline: Outline): 3 | 4 | 5 | 6 {
  const level = Math.max(3, Math.min(6, 3 + depth - outline.topDepth, outline.last + 1));
  outline.last = level;
  return level as 3 | 4 | 5 | 6;
}

const MAX_LENGTH = 50_000;

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const BULLET = /^\s{0,3}[-*+]\s+/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+/;

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    BULLET.test(line) ||
    NUMBERED.test(line)
  );
}

function renderBlocks(source: string, keyPrefix: string, outline: Outline): ReactNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  const key = () => `${keyPrefix}-${blocks.length}`;

  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) {
        code.push(lines[i] ?? '');
        i += 1;
      }
      i += 1; // The closing fence (or the end).
      blocks.push(
        <pre key={key()} className={styles.codeBlock}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const Tag = `h${headingLevel((heading[1] ?? '#').length, outline)}` as const;
      blocks.push(<Tag key={key()}>{renderInline(heading[2] ?? '', key())}</Tag>);
      i += 1;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push(<hr key={key()} />);
      i += 1;
      continue;
    }

    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(QUOTE, ''));
        i += 1;
      }
      const k = key();
      blocks.push(<blockquote key={k}>{renderBlocks(quoted.join('\n'), k, outline)}</blockquote>);
      continue;
    }

    const bullet = BULLET.test(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const marker = bullet ? BULLET : NUMBERED;
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        if (marker.test(current)) {
          items.push([current.replace(marker, '')]);
        } else if (current.trim() && /^\s+/.test(current) && items.length) {
          items[items.length - 1]?.push(current.trim());
        } else if (current.trim() && !startsBlock(current) && items.length) {
          // A lazy continuation line of the last item.
          items[items.length - 1]?.push(current.trim());
        } else {
          break;
        }
        i += 1;
      }
      const k = key();
      const children = items.map((item, index) => (
        <li key={`${k}-${index}`}>{renderLines(item, `${k}-${index}`)}</li>
      ));
      if (numbered) {
        const start = Number(numbered[1]);
        blocks.push(
          <ol key={k} start={start === 1 ? undefined : start}>
            {children}
          </ol>,
        );
      } else {
        blocks.push(<ul key={k}>{children}</ul>);
      }
      continue;
    }

    const paragraph: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() && !startsBlock(lines[i] ?? '')) {
      paragraph.push(lines[i] ?? '');
      i += 1;
    }
    const k = key();
    blocks.push(<p key={k}>{renderLines(paragraph, k)}</p>);
  }
  return blocks;
}

/** Lines of one paragraph: joined by spaces, or by <br> after a hard break (two spaces or "\"). */
function renderLines(lines: string[], keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  lines.forEach((raw, index) => {
    const hardBreak = / {2,}$/.test(raw) || /\\$/.test(raw);
    const text = raw.replace(/\\$/, '').trim();
    out.push(...renderInline(text, `${keyPrefix}-${index}`));
    if (index < lines.length - 1)
      out.push(hardBreak ? <br key={`${keyPrefix}-br${index}`} /> : ' ');
  });
  return out;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>~|<]/;

/** Inline Markdown: code, bold, italic, links, autolinks, escapes. Everything else is text. */
function renderInline(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let buffer = '';
  let i = 0;
  const flush = () => {
    if (buffer) out.push(buffer);
    buffer = '';
  };
  const key = () => `${keyPrefix}-${out.length}`;

  while (i < text.length) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);

    if (ch === '\\' && ESCAPABLE.test(next)) {
      buffer += next;
      i += 2;
      continue;
    }

    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(<code key={key()}>{text.slice(i + 1, end)}</code>);
        i = end + 1;
        continue;
      }
    }

    if ((ch === '*' || ch === '_') && next === ch && canOpen(text, i, 2)) {
      const end = findClosing(text, ch + ch, i + 2);
      if (end > i + 2) {
        flush();
        const k = key();
        out.push(<strong key={k}>{renderInline(text.slice(i + 2, end), k)}</strong>);
        i = end + 2;
        continue;
      }
    }

    if ((ch === '*' || ch === '_') && canOpen(text, i, 1)) {
      const end = findClosing(text, ch, i + 1);
      if (end > i + 1) {
        flush();
        const k = key();
        out.push(<em key={k}>{renderInline(text.slice(i + 1, end), k)}</em>);
        i = end + 1;
        continue;
      }
    }

    if (ch === '!' && next === '[') {
      const link = matchLink(text, i + 1);
      if (link) {
        buffer += link.label;
        i = link.end;
        continue;
      }
    }

    if (ch === '[') {
      const link = matchLink(text, i);
      if (link) {
        flush();
        const k = key();
        const href = safeHref(link.url);
        const label = renderInline(link.label, k);
        out.push(
          href ? (
            <a
              key={k}
              href={href}
              rel={isExternal(href) ? 'noopener noreferrer nofollow' : undefined}
            >
              {label}
            </a>
          ) : (
            <span key={k}>{label}</span>
          ),
        );
        i = link.end;
        continue;
      }
    }

    if (ch === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(i));
      const href = auto ? safeHref(auto[1] ?? '') : null;
      if (auto && href) {
        flush();
        out.push(
          <a
            key={key()}
            href={href}
            rel={isExternal(href) ? 'noopener noreferrer nofollow' : undefined}
          >
            {auto[1]}
          </a>,
        );
        i += auto[0].length;
        continue;
      }
    }

    buffer += ch;
    i += 1;
  }
  flush();
  return out;
}

/** Emphasis opens before a non-space, and `_` not inside a word (snake_case stays as is). */
function canOpen(text: string, index: number, width: number): boolean {
  const after = text.charAt(index + width);
  if (!after || /\s/.test(after)) return false;
  if (text.charAt(index) === '_' && /[\p{L}\p{N}]/u.test(text.charAt(index - 1))) return false;
  return true;
}

function findClosing(text: string, marker: string, from: number): number {
  let index = text.indexOf(marker, from);
  while (index !== -1) {
    const before = text.charAt(index - 1);
    const after = text.charAt(index + marker.length);
    const closesWord = marker.startsWith('_') ? !/[\p{L}\p{N}]/u.test(after) : true;
    if (before && !/\s/.test(before) && before !== '\\' && closesWord) {
      // Not the first char of a longer run ("**" when looking for "*").
      if (marker.length === 1 && after === marker) {
        index = text.indexOf(marker, index + 2);
        continue;
      }
      return index;
    }
    index = text.indexOf(marker, index + 1);
  }
  return -1;
}

/** `[label](url "title")` starting at `[`: the label, the url and where it ends. */
function matchLink(
  text: string,
  start: number,
): { label: string; url: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = start; j < text.length; j += 1) {
    const c = text.charAt(j);
    if (c === '\\') {
      j += 1;
    } else if (c === '[') {
      depth += 1;
    } else if (c === ']') {
      depth -= 1;
      if (depth === 0) {
        close = j;
        break;
      }
    }
  }
  if (close === -1 || text.charAt(close + 1) !== '(') return null;
  // The url may hold balanced parentheses, one level deep: (https://w.org/a_(b)).
  const target = /^\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+"[^"]*")?\s*\)/.exec(
    text.slice(close + 1),
  );
  if (!target) return null;
  return {
    label: text.slice(start + 1, close),
    url: target[1] ?? '',
    end: close + 1 + target[0].length,
  };
}

/** Keeps http(s), mailto and same-site links; anything else (javascript:, data:...) is dropped. */
function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed || /\s/.test(trimmed) || hasControlCharacter(trimmed)) return null;
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (trimmed.startsWith('#')) return trimmed;
  return null;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 32) return true;
  return false;
}

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
