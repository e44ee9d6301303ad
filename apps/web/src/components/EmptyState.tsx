import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon.tsx";

export function EmptyState({
  icon = "empty",
  title = "Nothing here yet",
  children,
}: {
  icon?: IconName;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div className="empty-state">
      <span className="empty-state__icon">
        <Icon name={icon} size={24} />
      </span>
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__text">{children}</p>
    </div>
  );
}
