import { useTranslation } from "react-i18next";
import type { FellowshipStatus } from "#db/types";
import type { MessageKey } from "~/i18n/message";
import { FormErrors } from "./forms";
import { useFormat } from "./use-format";

export interface FellowshipHeaderView {
  fellowName: string;
  positionTitle: string;
  organizationName: string;
  startsOn: string;
  endsOn: string;
  cohortYear: number;
  status: FellowshipStatus;
  counts: { due: number; late: number; done: number; upcoming: number };
}

/** A fellowship's state as the host's pages name it. */
export const FELLOWSHIP_STATUS_KEYS: Record<FellowshipStatus, MessageKey> = {
  active: "hostFellows.status.active",
  completed: "hostFellows.status.completed",
  ended_early: "hostFellows.status.ended_early",
};

/** A fellowship's term (`YYYY-MM-DD` days) in the page's language, read at noon UTC so no zone moves the day. */
export function useTermDate(): (day: string) => string {
  const format = useFormat();
  return (day) => format.date(`${day}T12:00:00Z`, "UTC");
}

/** Who, where and when of a fellowship, with its reports counted by state. */
export function FellowshipHeader({
  fellowship,
  errors,
}: {
  fellowship: FellowshipHeaderView;
  errors?: string[] | undefined;
}) {
  const { t } = useTranslation();
  const termDate = useTermDate();
  return (
    <>
      <p className="muted">
        {fellowship.organizationName} · {t("hostFellows.cohort", { year: fellowship.cohortYear })}
      </p>
      <h1>{fellowship.fellowName}</h1>
      <FormErrors errors={errors} />
      <dl className="facts">
        <dt>{t("hostFellows.position")}</dt>
        <dd>{fellowship.positionTitle}</dd>
        <dt>{t("hostFellows.term")}</dt>
        <dd>
          {termDate(fellowship.startsOn)} – {termDate(fellowship.endsOn)}
        </dd>
        <dt>{t("hostFellows.statusLabel")}</dt>
        <dd>{t(FELLOWSHIP_STATUS_KEYS[fellowship.status])}</dd>
        <dt>{t("hostFellows.reports")}</dt>
        <dd>{t("hostFellows.counts", fellowship.counts)}</dd>
      </dl>
    </>
  );
}
