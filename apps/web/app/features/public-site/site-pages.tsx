import {
  markdownSummary, publicSiteFigures, publicSiteJointVisits, publicSitePost, publicSiteReport, renderMarkdown,
  type PublicFigure, type PublicJointVisit, type PublicPostDocument, type PublicRecommendation, type PublicReportDocument, type PublicReportListing,
} from "@vigil/api/public-site";
import { translator, type Locale } from "@vigil/i18n";
import { formatRate } from "../dashboard/format";
import { postIn } from "./post-version";
import type { PublicPageInput } from "./public-response.server";
import { formatDay, HTML, nameIn, renderSitePage, siteHref, type SiteContext } from "./site-layout";

/** The pages of a public site (issue 17), each built from the published-only documents. */
type Build = PublicPageInput["build"];

export { postIn };

function PostList({ site, posts }: { site: SiteContext; posts: PublicPostDocument[] }) {
  if (posts.length === 0) return <p className="empty">{site.t("visitorSite.noNews")}</p>;
  return (
    <ul className="item-list">
      {posts.map((post) => {
        const version = postIn(post, site.language);
        return (
          <li key={post.id} lang={version.language === site.language ? undefined : version.language}>
            <h3><a href={siteHref(site, `news/${post.slug}`)}>{version.title}</a></h3>
            {post.publishedAt ? <p className="meta"><time dateTime={post.publishedAt}>{formatDay(site.language, post.publishedAt)}</time></p> : null}
            <p>{markdownSummary(version.body)}</p>
          </li>
        );
      })}
    </ul>
  );
}

function reportTitle(site: SiteContext, report: { place: PublicReportListing["place"] }) {
  return site.t("visitorSite.reportTitle", { place: nameIn(report.place, site.language) });
}

function ReportList({ site, reports }: { site: SiteContext; reports: PublicReportListing[] }) {
  if (reports.length === 0) return <p className="empty">{site.t("visitorSite.noReports")}</p>;
  return (
    <ul className="item-list">
      {reports.map((report) => (
        <li key={report.id}>
          <h3><a href={siteHref(site, `reports/${report.id}`)}>{reportTitle(site, report)}</a></h3>
          <p className="meta">
            {site.t("visitorSite.visitedOn", { date: formatDay(site.language, report.visitStartsOn) })} · {site.t("visitorSite.sentOn", { date: formatDay(site.language, report.sentAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The joint visits the site mentions, each linking to the host's published report on the host's site. */
function JointVisitList({ site, visits }: { site: SiteContext; visits: PublicJointVisit[] }) {
  return (
    <ul className="item-list">
      {visits.map((visit) => (
        <li key={visit.reportId}>
          <h3><a href={`/p/${visit.hostSlug}/reports/${visit.reportId}`}>{reportTitle(site, visit)}</a></h3>
          <p className="meta">
            {site.t("visitorSite.jointVisitWith", { host: visit.hostName })} · {site.t("visitorSite.visitedOn", { date: formatDay(site.language, visit.startsOn) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function FigureTable({ site, caption, figures, label }: { site: SiteContext; caption: string; figures: PublicFigure[]; label: (f: PublicFigure) => string }) {
  const { t } = site;
  if (figures.length === 0) return null;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t("visitorSite.figures.total")}</th>
          <th scope="col">{t("visitorSite.figures.implemented")}</th>
          <th scope="col">{t("visitorSite.figures.partially")}</th>
          <th scope="col">{t("visitorSite.figures.rate")}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={`${f.dimension}-${f.key}`}>
            <th scope="row">{label(f)}</th>
            <td>{f.total}</td>
            <td>{f.implemented}</td>
            <td>{f.partiallyImplemented}</td>
            <td>{formatRate(site.language, f.total === 0 ? 0 : f.implemented / f.total, "")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({ site, figures }: { site: SiteContext; figures: PublicFigure[] }) {
  const { t, language } = site;
  if (figures.length === 0) return <p className="empty">{t("visitorSite.figures.empty")}</p>;
  const of = (dimension: PublicFigure["dimension"]) => figures.filter((f) => f.dimension === dimension);
  return (
    <>
      <FigureTable site={site} caption={t("visitorSite.figures.byYear")} figures={of("year")} label={(f) => f.key} />
      <FigureTable site={site} caption={t("visitorSite.figures.byAuthority")} figures={of("authority")} label={(f) => (f.names ? nameIn(f.names, language) : f.key)} />
      <FigureTable site={site} caption={t("visitorSite.figures.byPlaceType")} figures={of("placeType")} label={(f) => t(`visitPlaceTypes.${f.key}`)} />
    </>
  );
}

const context = (home: Parameters<Build>[0], language: Locale, origin: string): SiteContext => ({ home, language, origin, t: translator(language) });

export const buildHome: Build = async (home, language, origin) => {
  const site = context(home, language, origin);
  const { t } = site;
  const [figures, jointVisits] = await Promise.all([publicSiteFigures(home.slug).then((f) => f ?? []), publicSiteJointVisits(home.slug)]);
  const mandate = home.mandate[language];
  const body = renderSitePage(site, "", "home", { title: home.name, description: mandate ? markdownSummary(mandate) : undefined }, (
    <>
      <h1>{home.name}</h1>
      {mandate ? <div className="mandate" dangerouslySetInnerHTML={{ __html: renderMarkdown(mandate) }} /> : null}
      <section aria-labelledby="latest-news">
        <h2 id="latest-news">{t("visitorSite.latestNews")}</h2>
        <PostList site={site} posts={home.posts.slice(0, 5)} />
        <p><a href={siteHref(site, "news")}>{t("visitorSite.allNews")}</a></p>
      </section>
      <section aria-labelledby="latest-reports">
        <h2 id="latest-reports">{t("visitorSite.latestReports")}</h2>
        <ReportList site={site} reports={home.reports.slice(0, 5)} />
        <p><a href={siteHref(site, "reports")}>{t("visitorSite.allReports")}</a></p>
      </section>
      {jointVisits.length > 0 ? (
        <section aria-labelledby="joint-visits">
          <h2 id="joint-visits">{t("visitorSite.jointVisits")}</h2>
          <JointVisitList site={site} visits={jointVisits} />
        </section>
      ) : null}
      <section aria-labelledby="figures">
        <h2 id="figures">{t("visitorSite.nav.figures")}</h2>
        <FigureTable site={site} caption={t("visitorSite.figures.byYear")} figures={figures.filter((f) => f.dimension === "year")} label={(f) => f.key} />
        {figures.length === 0 ? <p className="empty">{t("visitorSite.figures.empty")}</p> : null}
        <p><a href={siteHref(site, "figures")}>{t("visitorSite.allFigures")}</a></p>
      </section>
    </>
  ));
  // The home page shows hosts' publications (joint visits): any site's change forgets it.
  return { status: 200, contentType: HTML, body, showsOtherSites: true };
};

export const buildNews: Build = async (home, language, origin) => {
  const site = context(home, language, origin);
  const body = renderSitePage(site, "news", "news", { title: site.t("visitorSite.nav.news") }, (
    <>
      <h1>{site.t("visitorSite.nav.news")}</h1>
      <PostList site={site} posts={home.posts} />
    </>
  ));
  return { status: 200, contentType: HTML, body };
};

/** `imagePath`: where the image is served: the visitor's route, or the coordinators' for a preview (a draft's image is not public). */
export function PostBody({ site, post, reportPath, imagePath }: { site: SiteContext; post: PublicPostDocument; reportPath: string | null; imagePath: string }) {
  const { t, language } = site;
  const version = postIn(post, language);
  return (
    <article lang={version.language === language ? undefined : version.language}>
      <h1>{version.title}</h1>
      {post.publishedAt ? <p className="meta"><time dateTime={post.publishedAt}>{formatDay(language, post.publishedAt)}</time></p> : null}
      {post.hasImage ? <img className="post-image" src={imagePath} alt={post.imageAlt[language] ?? ""} /> : null}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(version.body) }} />
      {post.report || post.place || post.forum ? (
        <aside className="related" aria-labelledby="related">
          <h2 id="related">{t("visitorSite.related")}</h2>
          <ul>
            {post.report && reportPath ? <li><a href={reportPath}>{t("visitorSite.relatedReport")}</a></li> : null}
            {post.place ? <li>{t("visitorSite.relatedPlace", { place: nameIn(post.place, language) })}</li> : null}
            {post.forum ? <li>{t("visitorSite.relatedForum", { forum: post.forum.name })}</li> : null}
          </ul>
        </aside>
      ) : null}
    </article>
  );
}

export function buildPost(postSlug: string): Build {
  return async (home, language, origin) => {
    const post = await publicSitePost(home.slug, postSlug);
    if (!post) return null;
    const site = context(home, language, origin);
    const version = postIn(post, language);
    const reportPath = post.report ? siteHref(site, `reports/${post.report.id}`) : null;
    const body = renderSitePage(
      site, `news/${post.slug}`, "news",
      { title: version.title, description: markdownSummary(version.body), type: "article", image: post.hasImage ? `/p/${home.slug}/news/${post.slug}/image` : null },
      <PostBody site={site} post={post} reportPath={reportPath} imagePath={siteHref(site, `news/${post.slug}/image`)} />,
    );
    return { status: 200, contentType: HTML, body };
  };
}

export const buildReports: Build = async (home, language, origin) => {
  const site = context(home, language, origin);
  const body = renderSitePage(site, "reports", "reports", { title: site.t("visitorSite.nav.reports") }, (
    <>
      <h1>{site.t("visitorSite.nav.reports")}</h1>
      <ReportList site={site} reports={home.reports} />
    </>
  ));
  return { status: 200, contentType: HTML, body };
};

/** Recommendations under each addressee, in the order addressees first appear; one without any under "no addressee". */
function byAddressee(recommendations: PublicRecommendation[], language: Locale, none: string) {
  const groups = new Map<string, { heading: string; recommendations: PublicRecommendation[] }>();
  for (const r of recommendations) {
    const addressees = r.addressees.length > 0 ? r.addressees.map((a) => ({ key: a.id, heading: nameIn(a, language) })) : [{ key: "", heading: none }];
    for (const a of addressees) {
      const group = groups.get(a.key) ?? { heading: a.heading, recommendations: [] };
      group.recommendations.push(r);
      groups.set(a.key, group);
    }
  }
  return [...groups.values()];
}

export function ReportBody({ site, report, pdfPath }: { site: SiteContext; report: PublicReportDocument; pdfPath: string | null }) {
  const { t, language } = site;
  const dates = report.visit.startsOn === report.visit.endsOn ? formatDay(language, report.visit.startsOn) : `${formatDay(language, report.visit.startsOn)} – ${formatDay(language, report.visit.endsOn)}`;
  return (
    <article>
      <h1>{reportTitle(site, report)}</h1>
      <dl className="facts">
        <dt>{t("visitorSite.visitDates")}</dt>
        <dd>{dates}{report.visit.nightVisit ? ` (${t("visitorSite.nightVisit")})` : ""}</dd>
        <dt>{t("visitorSite.placeType")}</dt>
        <dd>{t(`visitPlaceTypes.${report.place.type}`)}</dd>
        <dt>{t("visitorSite.sent")}</dt>
        <dd>{formatDay(language, report.sentAt)}</dd>
      </dl>
      {pdfPath ? <p><a className="pdf-link" href={pdfPath}>{t("visitorSite.downloadPdf")}</a></p> : null}
      {report.summary ? (
        <section aria-labelledby="summary" lang={report.language === language ? undefined : report.language}>
          <h2 id="summary">{t("visitorSite.summary")}</h2>
          {report.summary.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
        </section>
      ) : null}
      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t("visitorSite.recommendations")}</h2>
        {report.recommendations.length === 0 ? <p className="empty">{t("visitorSite.noRecommendations")}</p> : null}
        {byAddressee(report.recommendations, language, t("visitorSite.noAddressee")).map((group) => (
          <section key={group.heading} className="addressee">
            <h3>{t("visitorSite.addressedTo", { authority: group.heading })}</h3>
            <ol className="recommendations">
              {group.recommendations.map((r) => (
                <li key={r.id} value={r.number}>
                  <p lang={report.language === language ? undefined : report.language}>{r.text}</p>
                  <p className="status">{t("visitorSite.currentStatus")}: <strong>{t(`recommendations.status.${r.status}`)}</strong></p>
                  {r.timeline.length > 0 ? (
                    <ol className="timeline" aria-label={t("visitorSite.timeline")}>
                      {r.timeline.map((entry) => (
                        <li key={entry.id}>
                          <time dateTime={entry.occurredOn}>{formatDay(language, entry.occurredOn)}</time>{" "}
                          {t(`recommendations.source.${entry.source}`)}
                          {entry.authority ? ` (${nameIn(entry.authority, language)})` : ""}: {t(`recommendations.status.${entry.resultingStatus}`)}
                          {entry.text ? <blockquote>{entry.text}</blockquote> : null}
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </article>
  );
}

export function buildReport(reportId: string): Build {
  return async (home, language, origin) => {
    const report = await publicSiteReport(home.slug, reportId);
    if (!report) return null;
    const site = context(home, language, origin);
    const body = renderSitePage(
      site, `reports/${report.id}`, "reports",
      { title: reportTitle(site, report), description: report.summary ? report.summary.slice(0, 280) : undefined, type: "article" },
      <ReportBody site={site} report={report} pdfPath={`/p/${home.slug}/reports/${report.id}/report.pdf`} />,
    );
    return { status: 200, contentType: HTML, body };
  };
}

export const buildFigures: Build = async (home, language, origin) => {
  const site = context(home, language, origin);
  const figures = (await publicSiteFigures(home.slug)) ?? [];
  const body = renderSitePage(site, "figures", "figures", { title: site.t("visitorSite.nav.figures") }, (
    <>
      <h1>{site.t("visitorSite.nav.figures")}</h1>
      <p>{site.t("visitorSite.figures.lead")}</p>
      <Figures site={site} figures={figures} />
    </>
  ));
  return { status: 200, contentType: HTML, body };
};
