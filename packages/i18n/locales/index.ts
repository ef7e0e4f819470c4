// Every locale file, imported explicitly so that the browser bundle and Node load the same.
// Each locale is the union of its files; a file owns its top-level keys (a test refuses overlaps).
import en_core from "./en/core.json" with { type: "json" };
import en_places from "./en/places.json" with { type: "json" };
import en_templates from "./en/templates.json" with { type: "json" };
import en_visits from "./en/visits.json" with { type: "json" };
import en_interviews from "./en/interviews.json" with { type: "json" };
import en_billing from "./en/billing.json" with { type: "json" };
import en_security from "./en/security.json" with { type: "json" };
import en_checklist from "./en/checklist.json" with { type: "json" };
import en_dashboard from "./en/dashboard.json" with { type: "json" };
import en_forums from "./en/forums.json" with { type: "json" };
import en_joint from "./en/joint.json" with { type: "json" };
import en_library from "./en/library.json" with { type: "json" };
import en_recommendations from "./en/recommendations.json" with { type: "json" };
import en_reports from "./en/reports.json" with { type: "json" };
import srCyrl_core from "./sr-Cyrl/core.json" with { type: "json" };
import srCyrl_places from "./sr-Cyrl/places.json" with { type: "json" };
import srCyrl_templates from "./sr-Cyrl/templates.json" with { type: "json" };
import srCyrl_visits from "./sr-Cyrl/visits.json" with { type: "json" };
import srCyrl_interviews from "./sr-Cyrl/interviews.json" with { type: "json" };
import srCyrl_billing from "./sr-Cyrl/billing.json" with { type: "json" };
import srCyrl_security from "./sr-Cyrl/security.json" with { type: "json" };
import srCyrl_checklist from "./sr-Cyrl/checklist.json" with { type: "json" };
import srCyrl_dashboard from "./sr-Cyrl/dashboard.json" with { type: "json" };
import srCyrl_forums from "./sr-Cyrl/forums.json" with { type: "json" };
import srCyrl_joint from "./sr-Cyrl/joint.json" with { type: "json" };
import srCyrl_library from "./sr-Cyrl/library.json" with { type: "json" };
import srCyrl_recommendations from "./sr-Cyrl/recommendations.json" with { type: "json" };
import srCyrl_reports from "./sr-Cyrl/reports.json" with { type: "json" };
import srLatn_core from "./sr-Latn/core.json" with { type: "json" };
import srLatn_places from "./sr-Latn/places.json" with { type: "json" };
import srLatn_templates from "./sr-Latn/templates.json" with { type: "json" };
import srLatn_visits from "./sr-Latn/visits.json" with { type: "json" };
import srLatn_interviews from "./sr-Latn/interviews.json" with { type: "json" };
import srLatn_billing from "./sr-Latn/billing.json" with { type: "json" };
import srLatn_security from "./sr-Latn/security.json" with { type: "json" };
import srLatn_checklist from "./sr-Latn/checklist.json" with { type: "json" };
import srLatn_dashboard from "./sr-Latn/dashboard.json" with { type: "json" };
import srLatn_forums from "./sr-Latn/forums.json" with { type: "json" };
import srLatn_joint from "./sr-Latn/joint.json" with { type: "json" };
import srLatn_library from "./sr-Latn/library.json" with { type: "json" };
import srLatn_recommendations from "./sr-Latn/recommendations.json" with { type: "json" };
import srLatn_reports from "./sr-Latn/reports.json" with { type: "json" };
import uk_core from "./uk/core.json" with { type: "json" };
import uk_places from "./uk/places.json" with { type: "json" };
import uk_templates from "./uk/templates.json" with { type: "json" };
import uk_visits from "./uk/visits.json" with { type: "json" };
import uk_interviews from "./uk/interviews.json" with { type: "json" };
import uk_billing from "./uk/billing.json" with { type: "json" };
import uk_security from "./uk/security.json" with { type: "json" };
import uk_checklist from "./uk/checklist.json" with { type: "json" };
import uk_dashboard from "./uk/dashboard.json" with { type: "json" };
import uk_forums from "./uk/forums.json" with { type: "json" };
import uk_joint from "./uk/joint.json" with { type: "json" };
import uk_library from "./uk/library.json" with { type: "json" };
import uk_recommendations from "./uk/recommendations.json" with { type: "json" };
import uk_reports from "./uk/reports.json" with { type: "json" };

export const LOCALE_FILES = {
  "en": { core: en_core, places: en_places, templates: en_templates, visits: en_visits, interviews: en_interviews, billing: en_billing, security: en_security, checklist: en_checklist, dashboard: en_dashboard, forums: en_forums, joint: en_joint, library: en_library, recommendations: en_recommendations, reports: en_reports },
  "sr-Cyrl": { core: srCyrl_core, places: srCyrl_places, templates: srCyrl_templates, visits: srCyrl_visits, interviews: srCyrl_interviews, billing: srCyrl_billing, security: srCyrl_security, checklist: srCyrl_checklist, dashboard: srCyrl_dashboard, forums: srCyrl_forums, joint: srCyrl_joint, library: srCyrl_library, recommendations: srCyrl_recommendations, reports: srCyrl_reports },
  "sr-Latn": { core: srLatn_core, places: srLatn_places, templates: srLatn_templates, visits: srLatn_visits, interviews: srLatn_interviews, billing: srLatn_billing, security: srLatn_security, checklist: srLatn_checklist, dashboard: srLatn_dashboard, forums: srLatn_forums, joint: srLatn_joint, library: srLatn_library, recommendations: srLatn_recommendations, reports: srLatn_reports },
  "uk": { core: uk_core, places: uk_places, templates: uk_templates, visits: uk_visits, interviews: uk_interviews, billing: uk_billing, security: uk_security, checklist: uk_checklist, dashboard: uk_dashboard, forums: uk_forums, joint: uk_joint, library: uk_library, recommendations: uk_recommendations, reports: uk_reports },
} as const;
