import type { ButtonHTMLAttributes, Ref } from 'react';
import { buttonClassName, type ButtonSize, type ButtonVariant } from './button-class';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
}

/** The one button of the storefront: a real <button>, type="button" unless told otherwise. */
export function Button({
  variant = 'primary',
  size = 'medium',
  type = 'button',
  className,
  ...rest
}: ButtonProps) {
  const classes = buttonClassName(variant, size, className);
  return <button type={type} className={classes} {...rest} />;
}
