import { useState } from 'react';
import styles from './avatar.module.css';

export interface AvatarProps {
  name: string;
  url: string | null | undefined;
  size?: 'small' | 'large';
}

/** A person's picture, or their initials when there is none or it fails to load. Decorative. */
export function Avatar({ name, url, size = 'large' }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const className = [styles.avatar, styles[size]].join(' ');
  if (url && url !== failedUrl) {
    return (
      <img
        className={className}
        src={url}
        alt=""
        width={size === 'large' ? 96 : 40}
        height={size === 'large' ? 96 : 40}
        referrerPolicy="no-referrer"
        onError={() => setFailedUrl(url)}
      />
    );
  }
  return (
    <span className={className} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** "Ada Lovelace" → "AL"; "Ada" → "A". */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}
