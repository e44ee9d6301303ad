import type { CurrentUser } from "@idlife/contracts";
import { createContext, useContext } from "react";

export const SignedInUserContext = createContext<CurrentUser | null>(null);

/** The signed-in person; only usable below RequireSignedIn, which guarantees there is one. */
export function useSignedInUser(): CurrentUser {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error("useSignedInUser is used outside RequireSignedIn");
  return user;
}
