import { Anchor, Code, Text, Typography } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A preview of product descriptions as the storefront renders them: the
 * Markdown subset sellers use (headings, paragraphs, lists, quotes, code,
 * emphasis, links). Built as React elements, never as HTML, so nothing a
 * seller types can run as markup here.
 */
export function MarkdownPreview({ source, lang }: { source: string; lang?: string }) {
  if (!source.trim()) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to preview yet.
      </Text>
    );
  }
  return (
    <Typography lang={lang}>
      <div>{renderBlocks(source)}</div>
    </Typography>
  );
}

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; text: string };

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i += 1;
      continue;
    }
    if (line.trimStart().startsWith('```')) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith('```')) {
        code.push(lines[i] ?? '');
        i += 1;
      }
      i += 1;
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      i += 1;
      continue;
    }
    const bullet = /^\s*[-*+]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line);
      const marker = ordered ? numbered : bullet;
      const items: string[] = [];
      while (i < lines.length && marker.test(lines[i] ?? '')) {
        items.push((lines[i] ?? '').replace(marker, ''));
        i += 1;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(/^\s*>\s?/, ''));
        i += 1;
      }
      blocks.push({ kind: 'quote', text: quoted.join(' ') });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() &&
      !/^(#{1,6})\s|^\s*([-*+]|\d+[.)])\s|^\s*>|^\s*```/.test(lines[i] ?? '')
    ) {
      paragraph.push((lines[i] ?? '').trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

const INLINE =
  /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/;

function safeHref(href: string): string | null {
  return /^(https?:|mailto:|\/)/i.test(href) ? href : null;
}

function renderInline(text: string): ReactNode[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part, i) => {
      if (/^(\*\*|__).+(\*\*|__)$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>;
      if (/^`.+`$/.test(part)) return <Code key={i}>{part.slice(1, -1)}</Code>;
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (link) {
        const href = safeHref(link[2] ?? '');
        return href ? (
          <Anchor key={i} href={href} target="_blank" rel="noreferrer noopener">
            {link[1]}
          </Anchor>
        ) : (
          <span key={i}>{link[1]}</span>
        );
      }
      if (/^[*_].+[*_]$/.test(part) && part.length > 2) return <em key={i}>{part.slice(1, -1)}</em>;
      return <span key={i}>{part}</span>;
    });
}

function renderBlocks(source: string): ReactNode[] {
  return parseBlocks(source).map((block, i) => {
    switch (block.kind) {
      case 'heading': {
        // The page already has h1 and h2: descriptions start at h3.
        const level = Math.min(6, block.level + 2);
        const Tag = `h${level}` as 'h3' | 'h4' | 'h5' | 'h6';
        return <Tag key={i}>{renderInline(block.text)}</Tag>;
      }
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      }
      case 'quote':
        return <blockquote key={i}>{renderInline(block.text)}</blockquote>;
      case 'code':
        return (
          <pre key={i}>
            <code>{block.text}</code>
          </pre>
        );
      default:
        return <p key={i}>{renderInline(block.text)}</p>;
    }
  });
}
