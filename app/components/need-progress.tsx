import { useTranslation } from "react-i18next";
import type { MessageKey } from "~/i18n/message";
import { disciplineLabel } from "./directory-results";

export interface NeedView {
  id: string;
  kind: "discipline" | "skill";
  value: string;
  quantity: number;
  accepted: number;
  proposed: number;
}

export function needLabel(need: Pick<NeedView, "kind" | "value">): string {
  return need.kind === "discipline" ? disciplineLabel(need.value) : need.value;
}

/** How far a need is staffed: a progress bar with the numbers beside it (the bar alone says too little). */
/** The kind of a need beside its name, as the page's language writes it. */
export const NEED_KIND_KEYS: Record<NeedView["kind"], MessageKey> = {
  skill: "staff.needs.skill",
  discipline: "staff.needs.discipline",
};

export function NeedProgressBar({ need }: { need: NeedView }) {
  const { t } = useTranslation();
  const label = needLabel(need);
  return (
    <div className="field">
      <label htmlFor={`need-${need.id}`}>
        {label} <span className="muted">({t(NEED_KIND_KEYS[need.kind])})</span>
      </label>
      <progress
        id={`need-${need.id}`}
        className="progress"
        max={need.quantity}
        value={Math.min(need.accepted, need.quantity)}
      >
        {t("staff.campaigns.ofNeeded", { accepted: need.accepted, needed: need.quantity })}
      </progress>
      <p className="hint" data-testid={`need-status-${need.value}`}>
        {need.proposed
          ? t("staff.needs.acceptedWaiting", { accepted: need.accepted, quantity: need.quantity, count: need.proposed })
          : t("staff.needs.accepted", { accepted: need.accepted, quantity: need.quantity })}
      </p>
    </div>
  );
}
