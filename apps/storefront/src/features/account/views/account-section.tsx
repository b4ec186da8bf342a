import { useId, type ReactNode, type RefObject } from 'react';
import styles from './account-view.module.css';

/** One titled card of the account page. */
export function AccountSection({
  title,
  description,
  headingRef,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** To move focus to the section after something in it disappeared. */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.sectionIntro}>
        <h2 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h2>
        {description ? <p>{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
