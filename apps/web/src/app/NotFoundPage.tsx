import { Link } from "react-router";
import { AuthLayout } from "../features/auth/components/AuthLayout.tsx";

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" description="This page does not exist in idlife, or it has moved.">
      <Link className="button button--secondary" to="/">
        Go to the start page
      </Link>
    </AuthLayout>
  );
}
