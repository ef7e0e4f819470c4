import type { Locale } from "@vigil/i18n";

type PostVersion = { title: string; body: string };

/**
 * A post in the reader's language, or else in the first language it has; with no version at all its
 * slug stands in for the title. One rule for the public pages, the NPM's preview and its editor.
 */
export function postIn(post: { slug: string; translations: Partial<Record<Locale, PostVersion>> }, language: Locale): PostVersion & { language: Locale } {
  const own = post.translations[language];
  if (own) return { ...own, language };
  const [other, version] = Object.entries(post.translations)[0] ?? [];
  return version ? { ...version, language: other as Locale } : { title: post.slug, body: "", language };
}

/** The title of a post as the editor reads it (its versions as a list, in language order). */
export function postTitleIn(post: { slug: string; translations: readonly (PostVersion & { language: string })[] }, language: Locale): string {
  const translations: Partial<Record<string, PostVersion>> = Object.fromEntries(post.translations.map((version) => [version.language, version]));
  return postIn({ slug: post.slug, translations }, language).title;
}
