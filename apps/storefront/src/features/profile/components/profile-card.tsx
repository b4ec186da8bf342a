import type { ProfileCardProfileFragment } from '../../../generated/profile';
import { Avatar } from '../../../shared/ui/avatar';
import styles from './profile.module.css';

const MONTH_YEAR = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** Picture (or initials), name, and since when the person has been a member. */
export function ProfileCard({ profile }: { profile: ProfileCardProfileFragment }) {
  const since = new Date(profile.memberSince);
  return (
    <div className={styles.card}>
      <Avatar name={profile.name} url={profile.avatarUrl} />
      <div>
        <h1 className={styles.name}>{profile.name}</h1>
        <p className={styles.since}>
          Member since <time dateTime={profile.memberSince}>{MONTH_YEAR.format(since)}</time>
        </p>
      </div>
    </div>
  );
}
