import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { PublicProfilePageDocument } from '../../../generated/profile';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { buttonClassName } from '../../../shared/ui/button-class';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
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

  if (data) {
    return (
      <Container className={styles.page}>
        <div>
          <h1>Profile not found</h1>
          <p>There is no member with this address. The link may be incomplete.</p>
          <Link to="/" className={buttonClassName('primary')}>
            Back to the home page
          </Link>
        </div>
      </Container>
    );
  }

  return (
    <Container className={styles.page}>
      {error && !loading ? (
        <ErrorState
          headingLevel={1}
          title="This profile could not be shown"
          message="The profile did not load. This is usually brief."
          detail={describeApiError(error)}
          onRetry={retry}
          retrying={retrying}
        />
      ) : (
        <LoadingState label="Loading the profile">
          <Skeleton width="6rem" height="6rem" />
          <Skeleton width="16rem" height="2rem" />
        </LoadingState>
      )}
    </Container>
  );
}
