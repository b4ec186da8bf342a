import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';
export type ButtonSize = 'medium' | 'small';

/** Class names of the button look, also for links that act as calls to action. */
export function buttonClassName(
  variant: ButtonVariant = 'primary',
  size: ButtonSize = 'medium',
  className?: string,
): string {
  return [styles.button, styles[variant], size === 'small' ? styles.small : '', className]
    .filter(Boolean)
    .join(' ');
}
