import { useApolloClient } from '@apollo/client/react';
import { useId, useSyncExternalStore } from 'react';
import { LOCALES, localeStore, type Locale } from '../../../shared/i18n/locale';
import styles from './shell.module.css';

/**
 * English / 简体中文. The choice is remembered, sent with every request from now on,
 * and the cache is emptied so that every page shows its text in the new language.
 */
export function LanguageSwitch() {
  const client = useApolloClient();
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get, localeStore.get);
  const id = useId();

  const onChange = (next: Locale) => {
    if (next === locale) return;
    localeStore.set(next);
    // Refetches what is on screen; a failure shows in each query's own error state.
    client.resetStore().catch(() => undefined);
  };

  return (
    <p className={styles.language}>
      <label htmlFor={id}>
        Language <span lang="zh-CN">语言</span>
      </label>
      <select
        id={id}
        className={styles.languageSelect}
        value={locale}
        onChange={(event) => onChange(event.target.value as Locale)}
      >
        {LOCALES.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </p>
  );
}
