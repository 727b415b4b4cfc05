import { Form } from "@remix-run/react";

/**
 * A one-button form acting on one row of a table or list (revoke, remove, send again): posts
 * `intent` and the row's id, works without JavaScript, and names its row to screen readers
 * (`hiddenDetail` is read after the label, e.g. "Revoke" + " the laptop token").
 */
export function RowAction({
  intent,
  idField,
  id,
  label,
  hiddenDetail,
  variant,
}: {
  intent: string;
  idField: string;
  id: string;
  label: string;
  hiddenDetail: string;
  variant: "secondary" | "danger" | "link-button";
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name={idField} value={id} />
      <button type="submit" name="intent" value={intent} className={variant}>
        {label}
        <span className="visually-hidden">{hiddenDetail}</span>
      </button>
    </Form>
  );
}
