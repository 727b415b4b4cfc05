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
export function NeedProgressBar({ need }: { need: NeedView }) {
  const label = needLabel(need);
  return (
    <div className="field">
      <label htmlFor={`need-${need.id}`}>
        {label} <span className="muted">({need.kind})</span>
      </label>
      <progress
        id={`need-${need.id}`}
        className="progress"
        max={need.quantity}
        value={Math.min(need.accepted, need.quantity)}
      >
        {need.accepted} of {need.quantity}
      </progress>
      <p className="hint" data-testid={`need-status-${need.value}`}>
        {need.accepted} of {need.quantity} accepted{need.proposed ? `, ${need.proposed} waiting for an answer` : ""}
      </p>
    </div>
  );
}
