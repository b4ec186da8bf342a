import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Container } from '../../../shared/layout/container';
import { buttonClassName } from '../../../shared/ui/button-class';
import styles from './not-found-view.module.css';

/** Any address no route claims. */
export function NotFoundView() {
  useDocumentTitle('Page not found');
  return (
    <Container className={styles.page}>
      <p className={styles.code}>Error 404</p>
      <h1>Page not found</h1>
      <p className={styles.text}>
        The page you asked for does not exist here. It may have moved, or the address may have a
        typo.
      </p>
      <Link to="/" className={buttonClassName('primary')}>
        Back to the home page
      </Link>
    </Container>
  );
}
