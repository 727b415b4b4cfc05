import { useTranslation } from "react-i18next";

/** The fields of an organization, plain inputs (the action validates with OrganizationActionSchema). */
export function OrganizationFields({
  idPrefix,
  values,
}: {
  idPrefix: string;
  values?: {
    name: string;
    slug: string;
    website: string | null;
    description: string;
    focusAreas: string[];
    country: string | null;
    remoteFriendly: boolean;
  };
}) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id("name")}>{t("staff.organizationFields.name")}</label>
        <input id={id("name")} name="name" type="text" defaultValue={values?.name} required />
      </div>
      <div className="field">
        <label htmlFor={id("slug")}>{t("staff.organizationFields.address")}</label>
        <input
          id={id("slug")}
          name="slug"
          type="text"
          defaultValue={values?.slug}
          required
          aria-describedby={id("slug-hint")}
        />
        <p className="hint" id={id("slug-hint")}>
          {t("staff.organizationFields.addressHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id("website")}>{t("staff.organizationFields.website")}</label>
        <input id={id("website")} name="website" type="url" defaultValue={values?.website ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={id("description")}>{t("staff.organizationFields.description")}</label>
        <textarea id={id("description")} name="description" rows={3} defaultValue={values?.description} />
      </div>
      <div className="field">
        <label htmlFor={id("focusAreas")}>{t("staff.organizationFields.focusAreas")}</label>
        <input id={id("focusAreas")} name="focusAreas" type="text" defaultValue={values?.focusAreas.join(", ")} />
      </div>
      <div className="field">
        <label htmlFor={id("country")}>{t("staff.organizationFields.country")}</label>
        <input id={id("country")} name="country" type="text" defaultValue={values?.country ?? ""} />
      </div>
      <label className="choice">
        <input type="checkbox" name="remoteFriendly" defaultChecked={values?.remoteFriendly} />
        {t("staff.organizationFields.remoteFriendly")}
      </label>
    </>
  );
}
