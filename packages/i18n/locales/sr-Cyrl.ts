// Every sr-Cyrl file, one chunk in the browser: the client imports only the active language's (load.ts).
import core from "./sr-Cyrl/core.json" with { type: "json" };
import places from "./sr-Cyrl/places.json" with { type: "json" };
import templates from "./sr-Cyrl/templates.json" with { type: "json" };
import visits from "./sr-Cyrl/visits.json" with { type: "json" };
import interviews from "./sr-Cyrl/interviews.json" with { type: "json" };
import billing from "./sr-Cyrl/billing.json" with { type: "json" };
import security from "./sr-Cyrl/security.json" with { type: "json" };
import checklist from "./sr-Cyrl/checklist.json" with { type: "json" };
import dashboard from "./sr-Cyrl/dashboard.json" with { type: "json" };
import forums from "./sr-Cyrl/forums.json" with { type: "json" };
import joint from "./sr-Cyrl/joint.json" with { type: "json" };
import library from "./sr-Cyrl/library.json" with { type: "json" };
import recommendations from "./sr-Cyrl/recommendations.json" with { type: "json" };
import reports from "./sr-Cyrl/reports.json" with { type: "json" };
import firstrun from "./sr-Cyrl/firstrun.json" with { type: "json" };
import a11y from "./sr-Cyrl/a11y.json" with { type: "json" };
import site from "./sr-Cyrl/site.json" with { type: "json" };
import platform from "./sr-Cyrl/platform.json" with { type: "json" };

export default { core, places, templates, visits, interviews, billing, security, checklist, dashboard, forums, joint, library, recommendations, reports, firstrun, a11y, site, platform };
