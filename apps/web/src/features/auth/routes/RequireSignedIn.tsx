import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { FullPageLoading } from "../../../components/LoadingState.tsx";
import { useCurrentUserQuery } from "../api/auth-queries.ts";
import { SignedInUserContext } from "../components/SignedInUser.tsx";

/**
 * Guards everything behind sign-in. A 401 from any API call empties the current user (see the
 * query client), which lands here and sends the person to /sign-in, remembering where they were.
 */
export function RequireSignedIn() {
  const { data: user, isPending, error, refetch, isRefetching } = useCurrentUserQuery();
  const location = useLocation();

  if (isPending) return <FullPageLoading />;
  if (user === undefined) {
    return (
      <div className="full-page-center">
        <div className="stack" style={{ maxWidth: 420 }}>
          <ErrorAlert error={error} title="idlife could not start" />
          <button type="button" className="button button--secondary" onClick={() => refetch()} disabled={isRefetching}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (user === null) {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return (
    <SignedInUserContext value={user}>
      <Outlet />
    </SignedInUserContext>
  );
}
