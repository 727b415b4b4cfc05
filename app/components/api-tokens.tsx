import { Form } from "@remix-run/react";
import { API_TOKEN_LIFETIMES, API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES } from "~/api/api-token.schema";
import { formatDateTime } from "~/utils/format";
import { ErrorList, FormErrors } from "./forms";
import { RowAction } from "~/components/row-action";

export interface ApiTokensView {
  apiUrl: string;
  tokens: {
    id: string;
    name: string;
    scope: "read" | "read-write";
    createdAt: string;
    expiresAt: string;
    lastUsedAt: string | null;
    expired: boolean;
  }[];
}

function fromAction(actionData: unknown) {
  const value = actionData && typeof actionData === "object" ? (actionData as Record<string, unknown>) : {};
  const created = value.apiToken as { name: string; token: string } | undefined;
  const errors = (value.apiTokenErrors as Record<string, string[]> | undefined) ?? {};
  const values = (value.apiTokenValues as Record<string, string> | undefined) ?? {};
  return { created, errors, values };
}

/**
 * Personal access tokens for the API: make one (shown once, as only its hash is kept), see the
 * live ones, revoke one. Plain forms: the same with or without JavaScript.
 */
export function ApiTokensSection({ view, actionData }: { view: ApiTokensView; actionData: unknown }) {
  const { created, errors, values } = fromAction(actionData);
  return (
    <section aria-labelledby="api-title" className="card stack">
      <h2 id="api-title">API access</h2>
      <p>
        Tools of the program can read from the portal through its API, described at{" "}
        <a href={view.apiUrl}>{view.apiUrl}</a>. A token acts as you, with what you may see now; keep it secret.
      </p>
      {created ? (
        <div className="notice stack" role="status">
          <p>Your new token “{created.name}” (copy it now: it will not be shown again):</p>
          <p>
            <label htmlFor="api-token-value" className="visually-hidden">
              New API token
            </label>
            <input id="api-token-value" type="text" readOnly value={created.token} className="wide" />
          </p>
        </div>
      ) : null}
      {view.tokens.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">May</th>
                <th scope="col">Valid until</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{API_TOKEN_SCOPE_LABELS[token.scope]}</td>
                  <td>{token.expired ? "Expired" : formatDateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                  <td>
                    <RowAction
                      intent="revoke-api-token"
                      idField="tokenId"
                      id={token.id}
                      label="Revoke"
                      hiddenDetail={` ${token.name}`}
                      variant="danger"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">You have no API tokens.</p>
      )}
      <Form method="post" className="stack" aria-labelledby="api-new-title">
        <h3 id="api-new-title">Make a token</h3>
        <FormErrors errors={errors[""]} />
        <div className="field">
          <label htmlFor="api-token-name">Name (what will use it)</label>
          <input
            id="api-token-name"
            name="name"
            defaultValue={values.name ?? ""}
            maxLength={80}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "api-token-name-error" : undefined}
          />
          <ErrorList id="api-token-name-error" errors={errors.name} />
        </div>
        <fieldset>
          <legend>It may</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="choice">
              <input type="radio" name="scope" value={scope} defaultChecked={(values.scope || "read") === scope} />
              {API_TOKEN_SCOPE_LABELS[scope]}
            </label>
          ))}
          <ErrorList errors={errors.scope} />
        </fieldset>
        <div className="field">
          <label htmlFor="api-token-lifetime">Valid for</label>
          <select id="api-token-lifetime" name="lifetimeDays" defaultValue="90">
            {API_TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
          <ErrorList errors={errors.lifetimeDays} />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="create-api-token">
            Make the token
          </button>
        </div>
      </Form>
    </section>
  );
}
