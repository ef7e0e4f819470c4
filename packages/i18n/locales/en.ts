// Every en file, one chunk in the browser: the client imports only the active language's (load.ts).
import core from "./en/core.json" with { type: "json" };
import places from "./en/places.json" with { type: "json" };
import templates from "./en/templates.json" with { type: "json" };
import visits from "./en/visits.json" with { type: "json" };
import interviews from "./en/interviews.json" with { type: "json" };
import billing from "./en/billing.json" with { type: "json" };
import security from "./en/security.json" with { type: "json" };
import checklist from "./en/checklist.json" with { type: "json" };
import dashboard from "./en/dashboard.json" with { type: "json" };
import forums from "./en/forums.json" with { type: "json" };
import joint from "./en/joint.json" with { type: "json" };
import library from "./en/library.json" with { type: "json" };
import recommendations from "./en/recommendations.json" with { type: "json" };
import reports from "./en/reports.json" with { type: "json" };
import firstrun from "./en/firstrun.json" with { type: "json" };
import a11y from "./en/a11y.json" with { type: "json" };
import site from "./en/site.json" with { type: "json" };
import platform from "./en/platform.json" with { type: "json" };

export default { core, places, templates, visits, interviews, billing, security, checklist, dashboard, forums, joint, library, recommendations, reports, firstrun, a11y, site, platform };
