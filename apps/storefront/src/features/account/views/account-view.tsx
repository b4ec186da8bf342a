import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AccountPageDocument } from '../../../generated/account';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import { ShopSummary } from '../components/shop-summary';
import { AccountSection } from './account-section';
import { AddressBookSection } from './address-book-section';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { OrdersSection, SpendingSection } from './spending-section';
import styles from './account-view.module.css';

/** /account: the signed-in user's profile, e-mail, password, addresses and shops. */
export function AccountView() {
  useDocumentTitle('Your account');
  return (
    <RequireSession>
      <AccountPage />
    </RequireSession>
  );
}

function AccountPage() {
  // Fresh on every visit: another tab (or the e-mailed link) may have changed it.
  const { data, error, loading, refetch } = useQuery(AccountPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const viewer = data?.viewer;

  if (!viewer) {
    // Failed: the request did, or the API answered without a viewer (session gone).
    const failed = !loading && Boolean(error || data);
    return (
      <Container className={styles.page}>
        <h1>Your account</h1>
        {failed ? (
          <ErrorState
            title="We couldn't open your account"
            message={
              error
                ? "Your account's details did not load. This is usually brief."
                : 'Your session may have ended. Log in again to continue.'
            }
            detail={describeApiError(error)}
            onRetry={retry}
            retrying={retrying}
          />
        ) : (
          <LoadingState label="Loading your account">
            <Skeleton height="14rem" />
            <Skeleton height="8rem" />
          </LoadingState>
        )}
      </Container>
    );
  }

  const { user } = viewer;
  return (
    <Container className={styles.page}>
      <div className={styles.intro}>
        <h1>Your account</h1>
        <p>
          Hello, {user.name}. <Link to={`/u/${user.id}`}>See your public profile</Link>
        </p>
      </div>
      <AccountSection
        title="Profile"
        description="Your name and picture appear on your public profile and your reviews."
      >
        <ProfileSection user={user} />
      </AccountSection>
      <AccountSection title="E-mail address">
        <EmailSection user={user} />
      </AccountSection>
      <AccountSection title="Password">
        <PasswordSection user={user} />
      </AccountSection>
      <OrdersSection />
      <SpendingSection />
      <AddressBookSection addresses={viewer.addresses} />
      <AccountSection title="Your shop">
        <ShopSummary viewer={viewer} />
      </AccountSection>
    </Container>
  );
}
