import { useRouteError } from "react-router";
import { AuthLayout } from "../features/auth/components/AuthLayout.tsx";

/** Last line of defence for a rendering bug: a calm page, never a stack trace. */
export function RouteErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <AuthLayout
      title="Something went wrong"
      description="This page ran into a problem. Reload to try again; if it keeps happening, tell your administrator."
    >
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </AuthLayout>
  );
}
