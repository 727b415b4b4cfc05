import "i18next";
import type common from "./locales/en/index";

// English is the source catalog: `t("…")` with a key it lacks does not type-check.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: typeof common };
  }
}
