import type { ErrorLike } from '@apollo/client';
import { Link } from 'react-router';
import { describeApiError } from '../errors/describe-api-error';
import { buttonClassName } from './button-class';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';
import { Skeleton } from './skeleton';

export interface PublicPageFallbackProps {
  /** What the page shows, in lower case: "profile", "shop". */
  thing: string;
  /** True once the API answered that nothing has this address. */
  missing: boolean;
  notFoundText: string;
  error: ErrorLike | undefined;
  loading: boolean;
  onRetry: () => void;
  retrying: boolean;
}

/** A public page's states before it has something to show: not found, failed, loading. */
export function PublicPageFallback({
  thing,
  missing,
  notFoundText,
  error,
  loading,
  onRetry,
  retrying,
}: PublicPageFallbackProps) {
  const title = thing.charAt(0).toUpperCase() + thing.slice(1);
  if (missing) {
    return (
      <div>
        <h1>{title} not found</h1>
        <p>{notFoundText}</p>
        <Link to="/" className={buttonClassName('primary')}>
          Back to the home page
        </Link>
      </div>
    );
  }
  if (error && !loading) {
    return (
      <ErrorState
        headingLevel={1}
        title={`This ${thing} could not be shown`}
        message={`The ${thing} did not load. This is usually brief.`}
        detail={describeApiError(error)}
        onRetry={onRetry}
        retrying={retrying}
      />
    );
  }
  return (
    <LoadingState label={`Loading the ${thing}`}>
      <Skeleton width="6rem" height="6rem" />
      <Skeleton width="16rem" height="2rem" />
    </LoadingState>
  );
}
