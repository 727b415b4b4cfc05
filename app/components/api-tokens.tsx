import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { API_TOKEN_LIFETIMES, API_TOKEN_SCOPES } from "~/api/api-token.schema";
import type { MessageKey } from "~/i18n/message";
import { ErrorList, FormErrors } from "./forms";
import { RowAction } from "~/components/row-action";
import { useFormat } from "~/components/use-format";

const SCOPE_KEYS: Record<(typeof API_TOKEN_SCOPES)[number], MessageKey> = {
  read: "apiTokens.scopes.read",
  "read-write": "apiTokens.scopes.readWrite",
};

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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="api-title" className="card stack">
      <h2 id="api-title">{t("apiTokens.title")}</h2>
      <p>
        <Trans
          i18nKey="apiTokens.intro"
          values={{ url: view.apiUrl }}
          components={{ anchor: <a href={view.apiUrl}>{view.apiUrl}</a> }}
        />
      </p>
      {created ? (
        <div className="notice stack" role="status">
          <p>{t("apiTokens.created", { name: created.name })}</p>
          <p>
            <label htmlFor="api-token-value" className="visually-hidden">
              {t("apiTokens.newToken")}
            </label>
            <input id="api-token-value" type="text" readOnly value={created.token} className="wide" />
          </p>
        </div>
      ) : null}
      {view.tokens.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("apiTokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiTokens.name")}</th>
                <th scope="col">{t("apiTokens.may")}</th>
                <th scope="col">{t("apiTokens.validUntil")}</th>
                <th scope="col">{t("apiTokens.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("accountPage.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{t(SCOPE_KEYS[token.scope])}</td>
                  <td>{token.expired ? t("apiTokens.expired") : format.dateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("apiTokens.never")}</td>
                  <td>
                    <RowAction
                      intent="revoke-api-token"
                      idField="tokenId"
                      id={token.id}
                      label={t("apiTokens.revoke")}
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
        <p className="muted">{t("apiTokens.none")}</p>
      )}
      <Form method="post" className="stack" aria-labelledby="api-new-title">
        <h3 id="api-new-title">{t("apiTokens.makeTitle")}</h3>
        <FormErrors errors={errors[""]} />
        <div className="field">
          <label htmlFor="api-token-name">{t("apiTokens.nameLabel")}</label>
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
          <legend>{t("apiTokens.itMay")}</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="choice">
              <input type="radio" name="scope" value={scope} defaultChecked={(values.scope || "read") === scope} />
              {t(SCOPE_KEYS[scope])}
            </label>
          ))}
          <ErrorList errors={errors.scope} />
        </fieldset>
        <div className="field">
          <label htmlFor="api-token-lifetime">{t("apiTokens.validFor")}</label>
          <select id="api-token-lifetime" name="lifetimeDays" defaultValue="90">
            {API_TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={days}>
                {t("time.days", { count: Number(days) })}
              </option>
            ))}
          </select>
          <ErrorList errors={errors.lifetimeDays} />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="create-api-token">
            {t("apiTokens.make")}
          </button>
        </div>
      </Form>
    </section>
  );
}
