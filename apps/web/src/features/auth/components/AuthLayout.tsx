import type { ReactNode } from "react";
import { BrandMark } from "../../../components/BrandMark.tsx";

/** The calm, centred card used by every page a person sees before (or instead of) the shell. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
  wide = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="auth-layout">
      <title>{`${title} · idlife`}</title>
      <main className={wide ? "auth-layout__main auth-layout__main--wide" : "auth-layout__main"}>
        <div className="auth-layout__brand">
          <BrandMark size="large" />
        </div>
        <div className="auth-card">
          <h1 className="auth-card__title">{title}</h1>
          {description && <p className="auth-card__description">{description}</p>}
          {children}
        </div>
        {footer && <div className="auth-layout__footer">{footer}</div>}
      </main>
      <footer className="auth-layout__legal">Identity lifecycle management</footer>
    </div>
  );
}
