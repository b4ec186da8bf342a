import { Container } from '../../../shared/layout/container';
import { MAIN_CONTENT_ID } from '../../../shared/layout/skip-link';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import { Logo } from './logo';
import styles from './shell.module.css';

/**
 * The shell's outline while its code and the API client load (they stay out of the
 * entry chunk): the header at its real height and the page area, nothing to click yet.
 */
export function ShellFrame() {
  return (
    <>
      <header className={styles.header}>
        <Container className={styles.headerInner}>
          <span className={styles.brand}>
            <Logo className={styles.logo} />
            <Skeleton inline width="6rem" />
          </span>
        </Container>
      </header>
      <main id={MAIN_CONTENT_ID} className={styles.main}>
        <LoadingState label="Loading the page" />
      </main>
    </>
  );
}
