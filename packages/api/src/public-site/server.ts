/** What the web app's public-site routes use (issue 17): the visitor's reads, the page cache, rendering helpers. */
export type { NamedJson, PublicFigure, PublicJointVisit, PublicPostDocument, PublicRecommendation, PublicReportDocument, PublicReportListing, PublicSiteHome } from "./documents.ts";
export { markdownSummary, renderMarkdown, summaryHtml, textAsHtml } from "./markdown.ts";
export { cachedPublicPage, cachePublicPage, forgetPublicSite, knownSiteLanguages, publicPageCacheSize, publicPageKey, rememberSiteLanguages, type CachedPage } from "./page-cache.ts";
export { postSlugSchema } from "./inputs.ts";
export { siteLanguage, reservePublicRead } from "./visitor-limits.ts";
export { publicReportPdfDocument, publicSiteFigures, publicSiteHome, publicSiteJointVisits, publicSitePost, publicSitePostImage, publicSiteReport } from "./visitor.ts";
export type { PostState } from "./posts.ts";
export { cachedPageFor, publicPageAnswer, PUBLIC_CACHE_CONTROL, revalidated, type PublicAnswer } from "./cached-answer.ts";
