import type { ElementType, ReactNode } from 'react';
import styles from './layout.module.css';

export interface ContainerProps {
  as?: ElementType;
  className?: string;
  children: ReactNode;
}

/** Centres content at the shop's reading width, with side gutters on small screens. */
export function Container({ as: Component = 'div', className, children }: ContainerProps) {
  return (
    <Component className={[styles.container, className].filter(Boolean).join(' ')}>
      {children}
    </Component>
  );
}
