import styles from './layout.module.css';

export const MAIN_CONTENT_ID = 'main';

/** First focusable element of every page: jumps past the header to the page's content. */
export function SkipLink() {
  return (
    <a className={styles.skipLink} href={`#${MAIN_CONTENT_ID}`}>
      Skip to content
    </a>
  );
}
