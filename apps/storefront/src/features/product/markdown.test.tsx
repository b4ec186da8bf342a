import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './components/markdown';

const levels = () =>
  screen.getAllByRole('heading').map((heading) => [heading.tagName, heading.textContent]);

describe('Markdown headings', () => {
  it('starts at h3 whatever depth the seller chose, keeping siblings at one level', () => {
    render(<Markdown source={'## Highlights\n\nLight.\n\n## Specifications\n\n### Size\n\nM'} />);
    expect(levels()).toEqual([
      ['H3', 'Highlights'],
      ['H3', 'Specifications'],
      ['H4', 'Size'],
    ]);
  });

  it('never skips a level below the previous heading', () => {
    render(
      <Markdown source={'# Care\n\n#### Washing\n\n> ###### Note\n\n```\n# not a heading\n```'} />,
    );
    expect(levels()).toEqual([
      ['H3', 'Care'],
      ['H4', 'Washing'],
      ['H5', 'Note'],
    ]);
  });
});
