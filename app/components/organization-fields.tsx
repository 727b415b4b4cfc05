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
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id("name")}>Name</label>
        <input id={id("name")} name="name" type="text" defaultValue={values?.name} required />
      </div>
      <div className="field">
        <label htmlFor={id("slug")}>Address</label>
        <input
          id={id("slug")}
          name="slug"
          type="text"
          defaultValue={values?.slug}
          required
          aria-describedby={id("slug-hint")}
        />
        <p className="hint" id={id("slug-hint")}>
          Lower-case letters, digits and hyphens, like datos-libres
        </p>
      </div>
      <div className="field">
        <label htmlFor={id("website")}>Website</label>
        <input id={id("website")} name="website" type="url" defaultValue={values?.website ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={id("description")}>Description</label>
        <textarea id={id("description")} name="description" rows={3} defaultValue={values?.description} />
      </div>
      <div className="field">
        <label htmlFor={id("focusAreas")}>Focus areas (comma-separated)</label>
        <input id={id("focusAreas")} name="focusAreas" type="text" defaultValue={values?.focusAreas.join(", ")} />
      </div>
      <div className="field">
        <label htmlFor={id("country")}>Country</label>
        <input id={id("country")} name="country" type="text" defaultValue={values?.country ?? ""} />
      </div>
      <label className="choice">
        <input type="checkbox" name="remoteFriendly" defaultChecked={values?.remoteFriendly} />
        Remote-friendly
      </label>
    </>
  );
}
