import { useTranslation } from "react-i18next";
import { useFormat } from "./use-format";

export interface LetterItem {
  id: string;
  refereeName: string | null;
  relationship: string | null;
  receivedAt: string;
  answers: { label: string; text: string }[];
  letter: { name: string } | null;
  possiblyIdentifying: boolean;
}

/** The received references of an application, for its reviewers and staff. */
export function ReferenceLetters({ letters, timezone }: { letters: LetterItem[]; timezone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="letters-title" className="stack">
      <h2 id="letters-title">{t("referenceLetters.title")}</h2>
      {letters.length === 0 ? (
        <p className="muted">{t("referenceLetters.none")}</p>
      ) : (
        letters.map((letter, index) => (
          <article key={letter.id} className="card stack" aria-labelledby={`letter-${letter.id}`}>
            <h3 id={`letter-${letter.id}`}>
              {letter.refereeName
                ? t("referenceLetters.from", { name: letter.refereeName })
                : t("referenceLetters.numbered", { number: index + 1 })}
              {letter.relationship ? <span className="muted"> ({letter.relationship})</span> : null}
            </h3>
            <p className="muted">
              {t("referenceLetters.received", { date: format.date(letter.receivedAt, timezone) })}
            </p>
            {letter.possiblyIdentifying ? (
              <p className="notice notice-warning">{t("referenceLetters.possiblyIdentifying")}</p>
            ) : null}
            {letter.letter ? (
              <p>
                <a href={`/letters/${letter.id}`}>{letter.letter.name}</a>
              </p>
            ) : null}
            {letter.answers.length ? (
              <dl className="answers">
                {letter.answers.map((answer) => (
                  <div key={answer.label}>
                    <dt>{answer.label}</dt>
                    <dd>{answer.text}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </article>
        ))
      )}
    </section>
  );
}

/** The loader's letters as the page receives them. */
export function lettersForPage(letters: (Omit<LetterItem, "receivedAt"> & { receivedAt: Date })[]): LetterItem[] {
  return letters.map((letter) => ({ ...letter, receivedAt: letter.receivedAt.toISOString() }));
}
