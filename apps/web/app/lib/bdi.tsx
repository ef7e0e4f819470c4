import { INTL_LOCALE, isLocale, type Locale } from "@vigil/i18n";
import type { TFunction } from "i18next";
import { Fragment, type ReactNode } from "react";

/*
 * Names written in another workspace (partners, forum participants, library publishers, a joint
 * visit's host, "Name · Workspace") are shown in <bdi>: whatever direction their characters have,
 * they cannot reorder the words around them (issue 13 §3, docs/decisions/0157-safe-names.md).
 */

// Private-use characters: never in a translation, and names refuse nothing else that could clash.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SLOT = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`);

function interpolate(t: TFunction, key: string, values: Record<string, ReactNode>): ReactNode {
  const slots = Object.fromEntries(Object.keys(values).map((name) => [name, `${OPEN}${name}${CLOSE}`]));
  const parts = String(t(key, slots)).split(SLOT);
  return parts.map((part, index) => (index % 2 === 0 ? part : <Fragment key={index}>{values[part]}</Fragment>));
}

/**
 * `withNames(t).t(key, values)`: a translated sentence with React nodes (e.g. a <bdi> name) in place
 * of its {{values}}. A method named `t`, so the i18n lint knows its first argument is a key.
 */
export function withNames(t: TFunction): { t: (key: string, values: Record<string, ReactNode>) => ReactNode } {
  return { t: (key, values) => interpolate(t, key, values) };
}

/** A name from another workspace, isolated. */
export function ForeignName({ name }: { name: string }) {
  return <bdi>{name}</bdi>;
}

/** Parts of a line joined with " · " (like Array.join, for parts that hold nodes); empty parts left out. */
export function joinNodes(parts: ReactNode[], separator = " · "): ReactNode {
  return parts.filter((part) => part !== null && part !== undefined && part !== false && part !== "").map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? separator : null}
      {part}
    </Fragment>
  ));
}

/**
 * The `lang` attribute for content written in another language than the interface (a report in
 * Serbian Cyrillic read in a Ukrainian interface), so that screen readers switch voice and browsers
 * hyphenate and pick fonts for it; nothing when the two agree (issue 16 §6).
 */
export function contentLang(content: string | null | undefined, interfaceLocale: Locale): string | undefined {
  if (!content || !isLocale(content) || content === interfaceLocale) return undefined;
  return INTL_LOCALE[content];
}
