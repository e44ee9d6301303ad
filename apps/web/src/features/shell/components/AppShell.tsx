import { useEffect, useRef, type MouseEvent, type RefObject } from "react";
import { Outlet, useLocation } from "react-router";
import { Sidebar } from "./Sidebar.tsx";
import { TopBar } from "./TopBar.tsx";

export function AppShell() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusPageTitleOnNavigation(mainRef);

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <Sidebar />
      <div className="shell__body">
        <TopBar />
        <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
          <div className="shell__content">
            <Outlet />
          </div>
        </main>
      </div>
    </div>
  );
}

/**
 * A client-side navigation is silent for screen readers and leaves focus on the link that was
 * clicked; moving focus to the new page's title announces it, as a page load would.
 */
function useFocusPageTitleOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const title = mainRef.current?.querySelector<HTMLElement>("[data-page-title]");
    (title ?? mainRef.current)?.focus({ preventScroll: true });
  }, [pathname, mainRef]);
}
