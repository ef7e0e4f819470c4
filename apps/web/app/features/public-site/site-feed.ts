import { renderMarkdown, summaryHtml, textAsHtml } from "@vigil/api/public-site";
import { translator } from "@vigil/i18n";
import { Feed } from "feed";
import type { Route } from "./+types/site-feed";
import { publicPage } from "./public-response.server";
import { postIn } from "./site-pages";

/** /p/:site/feed.xml?lang= — the site's news as an Atom feed, one per language (issue 17). */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({
    request, context, site: params.site, path: "feed.xml",
    build: async (home, language, origin) => {
      const t = translator(language);
      const base = `${origin}/p/${home.slug}`;
      const feed = new Feed({
        id: `${base}?lang=${language}`,
        title: t("visitorSite.feedTitle", { name: home.name }),
        link: `${base}?lang=${language}`,
        language,
        updated: new Date(home.posts[0]?.publishedAt ?? home.updatedAt),
        generator: false,
        feedLinks: { atom: `${base}/feed.xml?lang=${language}` },
        copyright: home.name,
      });
      for (const post of home.posts) {
        const version = postIn(post, language);
        feed.addItem({
          id: `${base}/news/${post.slug}`,
          // The feed's item title is type="html" too: the post's plain-text title, escaped.
          title: textAsHtml(version.title),
          link: `${base}/news/${post.slug}?lang=${language}`,
          date: new Date(post.updatedAt),
          published: new Date(post.publishedAt ?? post.updatedAt),
          // The summary is type="html": its plain text escaped, so an entity-encoded <script> stays text.
          description: summaryHtml(version.body),
          content: renderMarkdown(version.body),
        });
      }
      return { status: 200, contentType: "application/atom+xml; charset=utf-8", body: feed.atom1() };
    },
  });
}
