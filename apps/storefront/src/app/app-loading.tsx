import { LoadingState } from '../shared/ui/loading-state';

/** Shown in the page area while the first page's code loads. */
export function AppLoading() {
  return <LoadingState label="Loading the page" />;
}
