import { Container } from '../../../shared/layout/container';
import styles from './value-points.module.css';

const POINTS = [
  {
    title: 'Every offer side by side',
    text: 'Several sellers can offer the same product. You see each price and stock, and choose.',
    icon: 'M4 6h16M4 12h10M4 18h6',
  },
  {
    title: 'Delivered or picked up',
    text: 'Have your order brought to your door, or collect it from a local store when it suits you.',
    icon: 'M3 7h11v9H3zM14 10h4l3 3v3h-7M7 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  },
  {
    title: 'One checkout',
    text: 'Shop from as many sellers as you like and pay once; each seller ships their part.',
    icon: 'M5 12l4 4L19 6',
  },
] as const;

/** What the marketplace offers, in three short points. Static content. */
export function ValuePoints() {
  return (
    <section className={styles.section} aria-labelledby="value-points-title">
      <Container>
        <h2 id="value-points-title" className={styles.heading}>
          How it works
        </h2>
        <ul className={styles.grid}>
          {POINTS.map((point) => (
            <li key={point.title} className={styles.card}>
              <span className={styles.icon} aria-hidden="true">
                <svg viewBox="0 0 24 24" fill="none">
                  <path
                    d={point.icon}
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              </span>
              <h3 className={styles.title}>{point.title}</h3>
              <p className={styles.text}>{point.text}</p>
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}
