import { Form } from "@remix-run/react";
import { useState, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface RankItem {
  id: string;
  label: string;
  /** A short remark shown beside the item (e.g. its interview score), not part of its name. */
  note?: string;
}

/**
 * An editable rank list. Without JavaScript it is a form of numbers with "move up/down" buttons
 * the server applies; with it, items can also be dragged, or moved with the same buttons (by
 * keyboard too) before saving, and the numbers follow. Items left blank are not ranked.
 */
export function RankList({
  items,
  ranked,
  disabled,
  name,
  extra,
  draft,
  children,
}: {
  items: RankItem[];
  /** Ids in rank order; items not in it start unranked. */
  ranked: string[];
  disabled: boolean;
  name: string;
  extra?: Record<string, string>;
  /** An order the server sent back unsaved (e.g. awaiting a confirmation): shown instead of `ranked`. */
  draft?: string[] | undefined;
  /** More fields of the form, shown above its save button. */
  children?: ReactNode;
}) {
  const start = draft ?? ranked;
  const initial = [
    ...start.filter((id) => items.some((item) => item.id === id)),
    ...items.filter((item) => !start.includes(item.id)).map((item) => item.id),
  ];
  const [order, setOrder] = useState(initial);
  const [rankedCount, setRankedCount] = useState(start.filter((id) => items.some((item) => item.id === id)).length);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const { t } = useTranslation();
  const label = (id: string) => items.find((item) => item.id === id)?.label ?? id;
  const note = (id: string) => items.find((item) => item.id === id)?.note;

  const move = (id: string, to: number) => {
    const target = Math.max(0, Math.min(to, order.length - 1));
    setOrder((current) => {
      const next = current.filter((other) => other !== id);
      next.splice(target, 0, id);
      return next;
    });
    // Moving something into place ranks everything down to where it lands.
    setRankedCount((count) => Math.max(count, target + 1));
    setAnnouncement(t("rankList.moved", { label: label(id), position: target + 1 }));
  };
  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    if (dragging && dragging !== targetId) move(dragging, order.indexOf(targetId));
    setDragging(null);
  };

  return (
    <Form method="post" className="stack" aria-label={name}>
      {/* What the list was when the page was built: the server refuses to overwrite a newer one. */}
      <input type="hidden" name="previous" value={ranked.join(",")} />
      {Object.entries(extra ?? {}).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <p className="hint">{t("rankList.hint")}</p>
      <ol className="rank-list">
        {order.map((id, index) => (
          <li
            key={id}
            draggable={!disabled}
            onDragStart={() => setDragging(id)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, id)}
            className={dragging === id ? "dragging" : undefined}
          >
            <label htmlFor={`rank-${id}`} className="rank-label">
              {label(id)}
            </label>
            {note(id) ? <span className="muted rank-note">{note(id)}</span> : null}
            <input
              id={`rank-${id}`}
              name={`rank.${id}`}
              type="number"
              min={1}
              inputMode="numeric"
              className="rank-number"
              key={`${id}-${index}-${index < rankedCount}`}
              defaultValue={index < rankedCount ? String(index + 1) : ""}
              disabled={disabled}
            />
            <button
              type="submit"
              name="move"
              value={`${id}:up`}
              className="secondary small"
              disabled={disabled || index === 0}
              onClick={(event) => {
                event.preventDefault();
                move(id, index - 1);
              }}
            >
              {t("rankList.up")}
              <span className="visually-hidden"> {label(id)}</span>
            </button>
            <button
              type="submit"
              name="move"
              value={`${id}:down`}
              className="secondary small"
              disabled={disabled || index === order.length - 1}
              onClick={(event) => {
                event.preventDefault();
                move(id, index + 1);
              }}
            >
              {t("rankList.down")}
              <span className="visually-hidden"> {label(id)}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {children}
      {!disabled ? (
        <button type="submit" name="intent" value="save-ranking">
          {t("rankList.save")}
        </button>
      ) : null}
    </Form>
  );
}
