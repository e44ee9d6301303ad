import type { ReactNode } from "react";
import { Outlet, useOutletContext } from "react-router";
import { isNotFound } from "../../lib/api/api-error.ts";
import { ErrorAlert } from "../Alert.tsx";
import { LoadingState } from "../LoadingState.tsx";
import { PageHeader } from "../PageHeader.tsx";
import { TabNav } from "../TabNav.tsx";
import { PageFrame, type PageFrameProps } from "./PageFrame.tsx";
import type { QueryState } from "./QueryView.tsx";

export interface ObjectPageProps<T> extends PageFrameProps {
  query: QueryState<T>;
  /** What the object is, as a heading says it ("Business rule"). */
  noun: string;
  /** The same in a sentence ("rule"); by default the noun in lower case. */
  shortNoun?: string;
  /** The object's name in the browser tab; the noun stands in while it loads or when it is empty. */
  name: (data: T) => string;
  /** The page heading; by default the name. */
  heading?: (data: T) => string;
  description: (data: T) => ReactNode;
}

/**
 * The page of one object (a source system, a person, a rule): breadcrumbs back to its list, then
 * a spinner, a "not found" heading with the error, or its heading and `children`.
 */
export function ObjectPage<T>({ query, noun, shortNoun = noun.toLowerCase(), tenantName, parent, name, heading = name, description, children }: ObjectPageProps<T> & { children: (data: T) => ReactNode }) {
  const data = query.data;
  return (
    <>
      <PageFrame title={(data !== undefined && name(data)) || noun} tenantName={tenantName} parent={parent} />
      {query.isPending ? (
        <LoadingState label={`Loading the ${shortNoun}…`} />
      ) : data === undefined ? (
        <>
          <PageHeader title={isNotFound(query.error) ? `${shortNoun[0]!.toUpperCase()}${shortNoun.slice(1)} not found` : noun} />
          <ErrorAlert error={query.error} />
        </>
      ) : (
        <>
          <PageHeader title={heading(data)} description={description(data)} />
          {children(data)}
        </>
      )}
    </>
  );
}

export interface ObjectLayoutProps<T, Section extends string> extends ObjectPageProps<T> {
  sections: Record<Section, string>;
  sectionPath: (section: Section) => string;
  /** A count after a tab's label. */
  badges?: (data: T) => Partial<Record<Section, string>>;
}

/**
 * An object page whose sections are tabs, each with its own address (nested routes). `sections`
 * lists them in order with their labels; the tab pages read the object with useLayoutObject.
 */
export function ObjectLayout<T, Section extends string>({ sections, sectionPath, badges, ...page }: ObjectLayoutProps<T, Section>) {
  return (
    <ObjectPage {...page}>
      {(data) => {
        const badgeOf: Partial<Record<Section, string>> = badges?.(data) ?? {};
        const tabs = (Object.entries(sections) as [Section, string][]).map(([section, label], index) => ({
          to: sectionPath(section),
          label,
          end: index === 0,
          badge: badgeOf[section],
        }));
        return (
          <>
            <TabNav label={`${page.noun} sections`} tabs={tabs} />
            <Outlet context={data} />
          </>
        );
      }}
    </ObjectPage>
  );
}

/** The object an ObjectLayout loaded, for the tab page below it. */
export function useLayoutObject<T>(): T {
  return useOutletContext<T>();
}
