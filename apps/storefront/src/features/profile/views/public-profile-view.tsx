import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { PublicProfilePageDocument } from '../../../generated/profile';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { PublicPageFallback } from '../../../shared/ui/public-page-fallback';
import { ProfileCard } from '../components/profile-card';
import { ProfileShops } from '../components/profile-shops';
import styles from './public-profile-view.module.css';

/** /u/:id: what anyone may see of a member. */
export function PublicProfileView() {
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(PublicProfilePageDocument, {
    variables: { id },
  });
  const { retry, retrying } = useRetry(refetch);
  const profile = data?.publicProfile;
  useDocumentTitle(profile ? profile.name : data ? 'Profile not found' : undefined);

  if (profile) {
    return (
      <Container className={styles.page}>
        <ProfileCard profile={profile} />
        <ProfileShops name={profile.name} sellers={profile.sellers} />
      </Container>
    );
  }

  return (
    <Container className={styles.page}>
      <PublicPageFallback
        thing="profile"
        missing={Boolean(data)}
        notFoundText="There is no member with this address. The link may be incomplete."
        error={error}
        loading={loading}
        onRetry={retry}
        retrying={retrying}
      />
    </Container>
  );
}
