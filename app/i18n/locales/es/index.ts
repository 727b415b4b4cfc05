import common from "./common.json" with { type: "json" };
import cycles from "./cycles.json" with { type: "json" };
import email from "./email.json" with { type: "json" };
import network from "./network.json" with { type: "json" };
import refusals from "./refusals.json" with { type: "json" };
import review from "./review.json" with { type: "json" };
import schemas from "./schemas.json" with { type: "json" };
import selection from "./selection.json" with { type: "json" };
import staff from "./staff.json" with { type: "json" };

// One catalog in parts whose top-level keys never overlap (tests/unit/i18n-catalogs.test.ts):
// common (layout, forms, the applicant's pages), email, network (allies, fellows, referees,
// campaigns), review (reviewers and partners), staff (staff pages outside a cycle), cycles (a
// cycle's set-up and its staff pages), selection (applications, assignments, ranking, decisions,
// matching), schemas (form fields' errors shared by several pages), refusals (domain modules'
// refusals shared by several pages).
export default {
  ...common,
  ...email,
  ...network,
  ...review,
  ...selection,
  ...staff,
  ...cycles,
  ...schemas,
  ...refusals,
};
