import { Icon } from "../../../components/Icon.tsx";
import { useSignOutMutation } from "../api/auth-queries.ts";

export function SignOutButton({ variant = "quiet" }: { variant?: "quiet" | "secondary" }) {
  const signOut = useSignOutMutation();
  return (
    <button
      type="button"
      className={`button button--${variant}`}
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      <Icon name="signOut" size={16} />
      {signOut.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
