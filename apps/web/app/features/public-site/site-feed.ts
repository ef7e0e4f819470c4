import { markdownSummary, renderMarkdown } from "@vigil/api/public-site";
import { translator } from "@vigil/i18n";
import { Feed } from "feed";
import type { Route } from "./+types/site-feed";
import { publicPage } from "./public-response.server";
import { postIn } from "./site-pages";

/** /p/:site/feed.xml?lang= — the site's news as an Atom feed, one per language (issue 17). */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({
    request, context, site: params.site, path: "feed.xml",
    build: async (home, language, url) => {
      const t = translator(language);
      const base = `${url.origin}/p/${home.slug}`;
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
          title: version.title,
          link: `${base}/news/${post.slug}?lang=${language}`,
          date: new Date(post.updatedAt),
          published: new Date(post.publishedAt ?? post.updatedAt),
          description: markdownSummary(version.body),
          content: renderMarkdown(version.body),
        });
      }
      return { status: 200, contentType: "application/atom+xml; charset=utf-8", body: feed.atom1() };
    },
  });
}
