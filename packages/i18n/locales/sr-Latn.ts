// Every sr-Latn file, one chunk in the browser: the client imports only the active language's (load.ts).
import core from "./sr-Latn/core.json" with { type: "json" };
import places from "./sr-Latn/places.json" with { type: "json" };
import templates from "./sr-Latn/templates.json" with { type: "json" };
import visits from "./sr-Latn/visits.json" with { type: "json" };
import interviews from "./sr-Latn/interviews.json" with { type: "json" };
import billing from "./sr-Latn/billing.json" with { type: "json" };
import security from "./sr-Latn/security.json" with { type: "json" };
import checklist from "./sr-Latn/checklist.json" with { type: "json" };
import dashboard from "./sr-Latn/dashboard.json" with { type: "json" };
import forums from "./sr-Latn/forums.json" with { type: "json" };
import joint from "./sr-Latn/joint.json" with { type: "json" };
import library from "./sr-Latn/library.json" with { type: "json" };
import recommendations from "./sr-Latn/recommendations.json" with { type: "json" };
import reports from "./sr-Latn/reports.json" with { type: "json" };
import firstrun from "./sr-Latn/firstrun.json" with { type: "json" };
import a11y from "./sr-Latn/a11y.json" with { type: "json" };
import site from "./sr-Latn/site.json" with { type: "json" };
import platform from "./sr-Latn/platform.json" with { type: "json" };

export default { core, places, templates, visits, interviews, billing, security, checklist, dashboard, forums, joint, library, recommendations, reports, firstrun, a11y, site, platform };
