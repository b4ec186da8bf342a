import type { WelcomeHeroShopFragment } from '../../../generated/home';
import { Container } from '../../../shared/layout/container';
import { Skeleton } from '../../../shared/ui/skeleton';
import styles from './welcome-hero.module.css';

export interface WelcomeHeroProps {
  /** Absent while the shop loads: the name becomes a placeholder, the rest stays put. */
  shop: WelcomeHeroShopFragment | undefined;
}

/**
 * The home page's greeting, carrying the page's only <h1>. Rendered at its final
 * size before the shop's name arrives (the name has a line of its own), so nothing
 * moves when it does.
 */
export function WelcomeHero({ shop }: WelcomeHeroProps) {
  return (
    <section className={styles.hero} aria-labelledby="welcome-title">
      <Container>
        <p className={styles.eyebrow}>Many sellers, one marketplace</p>
        <h1 id="welcome-title" className={styles.title}>
          Welcome to{' '}
          <span className={styles.name}>{shop ? shop.name : <Skeleton inline width="7ch" />}</span>
        </h1>
        {shop ? null : (
          <p className="visually-hidden" role="status" aria-busy="true">
            Loading the shop
          </p>
        )}
        <p className={styles.lead}>
          Independent sellers and local stores offer their products side by side here. Compare their
          offers, then have your order delivered or pick it up in a store near you.
        </p>
      </Container>
    </section>
  );
}
