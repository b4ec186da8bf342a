import type { ReactNode } from 'react';
import { Container } from './container';
import styles from './form-page.module.css';

export interface FormPageProps {
  title: string;
  /** A sentence under the title. */
  intro?: ReactNode;
  children: ReactNode;
  /** Under the card: links to the neighbouring pages ("Already have an account?"). */
  footer?: ReactNode;
  wide?: boolean;
}

/** A page whose content is one form or message: narrow, centred, in a card. */
export function FormPage({ title, intro, children, footer, wide = false }: FormPageProps) {
  return (
    <Container className={[styles.page, wide ? styles.wide : ''].join(' ')}>
      <div className={styles.card}>
        <h1 className={styles.title}>{title}</h1>
        {intro ? <p className={styles.intro}>{intro}</p> : null}
        {children}
      </div>
      {footer ? <div className={styles.footer}>{footer}</div> : null}
    </Container>
  );
}
