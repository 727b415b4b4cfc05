import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";

/** A refused single sign-on: what happened in words, and the ways forward (both work without JavaScript). */
export function OidcProblemPage({ title, message }: { title: string; message: string }) {
  const { t } = useTranslation();
  const translate = useMessage();
  return (
    <div className="narrow stack">
      <h1>{translate(title)}</h1>
      <p>{translate(message)}</p>
      <p>
        <Link to="/login">{t("oidc.goToSignIn")}</Link>
      </p>
    </div>
  );
}
