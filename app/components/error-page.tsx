import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage, type MessageKey } from "~/i18n/message";

const TITLES: Record<number, MessageKey> = {
  400: "errorPage.title400",
  403: "errorPage.title403",
  404: "errorPage.title404",
  405: "errorPage.title405",
  409: "errorPage.title409",
  413: "errorPage.title413",
  429: "errorPage.title429",
  500: "errorPage.title500",
  503: "errorPage.title503",
};

const DETAILS: Record<number, MessageKey> = {
  403: "errorPage.detail403",
  503: "errorPage.detail503",
};

/** What every error page says: what happened and where to go, never a stack trace. */
export function ErrorPage({ status, message }: { status: number; message?: string | undefined }) {
  const location = useLocation();
  const { t } = useTranslation();
  const translate = useMessage();
  const titleKey = TITLES[status] ?? (status >= 500 ? TITLES[500] : undefined);
  const title = titleKey ? t(titleKey) : t("errorPage.titleOther");
  const detailKey = DETAILS[status] ?? (status >= 500 ? "errorPage.detail500" : undefined);
  const detail = message ? translate(message) : detailKey ? t(detailKey) : undefined;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{t("errorPage.status", { status })}</p>
      <h1 id="error-title">{title}</h1>
      {detail ? <p>{detail}</p> : null}
      {status === 503 ? (
        <p>
          <a href={`${location.pathname}${location.search}`}>{t("errorPage.tryAgain")}</a>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
