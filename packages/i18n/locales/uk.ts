// Every uk file, one chunk in the browser: the client imports only the active language's (load.ts).
import core from "./uk/core.json" with { type: "json" };
import places from "./uk/places.json" with { type: "json" };
import templates from "./uk/templates.json" with { type: "json" };
import visits from "./uk/visits.json" with { type: "json" };
import interviews from "./uk/interviews.json" with { type: "json" };
import billing from "./uk/billing.json" with { type: "json" };
import security from "./uk/security.json" with { type: "json" };
import checklist from "./uk/checklist.json" with { type: "json" };
import dashboard from "./uk/dashboard.json" with { type: "json" };
import forums from "./uk/forums.json" with { type: "json" };
import joint from "./uk/joint.json" with { type: "json" };
import library from "./uk/library.json" with { type: "json" };
import recommendations from "./uk/recommendations.json" with { type: "json" };
import reports from "./uk/reports.json" with { type: "json" };
import firstrun from "./uk/firstrun.json" with { type: "json" };
import a11y from "./uk/a11y.json" with { type: "json" };
import site from "./uk/site.json" with { type: "json" };
import platform from "./uk/platform.json" with { type: "json" };

export default { core, places, templates, visits, interviews, billing, security, checklist, dashboard, forums, joint, library, recommendations, reports, firstrun, a11y, site, platform };
