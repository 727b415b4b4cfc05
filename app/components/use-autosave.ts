import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";

/** A save of the step: the draft's new version, when, and how many answers it had to leave out. */
export interface StepSave {
  version: number;
  /** Null when nothing could be stored (only invalid answers, and no draft yet). */
  savedAt: string | null;
  invalid: number;
}

export type AutosaveReply = ({ kind: "autosaved" } & StepSave) | { kind: "autosave-refused"; message: string };

const DEBOUNCE_MS = 1500;

/**
 * Saves the form's text answers in the background while the applicant types (debounced),
 * one save at a time so each carries the version the previous one returned. Files are left to
 * the form's own submit. Stops at the first refusal (stale tab, deadline) and says why. Keeps the
 * step's save state: the last save (background, or the form's own `lastSave`), the answers it
 * left out as invalid, and whether anything typed is not saved yet (`unsaved`).
 */
export function useAutosave(
  formId: string,
  {
    enabled,
    version: loadedVersion,
    savedAt: loadedSavedAt,
    lastSave,
  }: { enabled: boolean; version: number; savedAt: string | null; lastSave?: StepSave | undefined },
) {
  const fetcher = useFetcher<AutosaveReply>({ key: `autosave-${formId}` });
  // A page rendered from a form's own partial save (without JavaScript, too) starts from that save.
  const [version, setVersion] = useState(Math.max(loadedVersion, lastSave?.version ?? 0));
  const [savedAt, setSavedAt] = useState<string | null>(lastSave?.savedAt ?? loadedSavedAt);
  const [invalid, setInvalid] = useState(lastSave?.invalid ?? 0);
  const [unsaved, setUnsaved] = useState(Boolean(lastSave?.invalid));
  const [refusal, setRefusal] = useState<string | null>(null);
  const versionRef = useRef(version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirtyWhileSaving = useRef(false);
  // A submit clicked while a background save is in flight, replayed once that save answers.
  const heldSubmit = useRef<{ submitter: HTMLElement | null } | null>(null);
  const submit = fetcher.submit;
  const busy = fetcher.state !== "idle";
  const busyRef = useRef(busy);
  busyRef.current = busy;

  // A navigation (save and continue, reload) brings a new version from the loader.
  useEffect(() => {
    versionRef.current = loadedVersion;
    setVersion(loadedVersion);
  }, [loadedVersion]);

  // The form's own save that stored some answers and reported others.
  useEffect(() => {
    if (!lastSave) return;
    versionRef.current = Math.max(versionRef.current, lastSave.version);
    setVersion(versionRef.current);
    if (lastSave.savedAt) setSavedAt(lastSave.savedAt);
    setInvalid(lastSave.invalid);
    setUnsaved(lastSave.invalid > 0);
  }, [lastSave]);

  const save = useCallback(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const data = new FormData(form);
    for (const [name, value] of [...data.entries()]) if (typeof value !== "string") data.delete(name);
    data.set("intent", "autosave");
    data.set("version", String(versionRef.current));
    submit(data, { method: "post", encType: "application/x-www-form-urlencoded" });
  }, [formId, submit]);

  useEffect(() => {
    const reply = fetcher.data;
    if (!reply || fetcher.state !== "idle") return;
    if (reply.kind === "autosaved") {
      versionRef.current = reply.version;
      setVersion(reply.version);
      if (reply.savedAt) setSavedAt(reply.savedAt);
      setInvalid(reply.invalid);
      setUnsaved(reply.invalid > 0 || dirtyWhileSaving.current);
    } else {
      setRefusal(reply.message);
      setUnsaved(true);
    }
    const held = heldSubmit.current;
    if (held) {
      // The held submit carries everything typed since, with the version this save returned (a
      // refusal is left for the submit's own answer to explain).
      heldSubmit.current = null;
      dirtyWhileSaving.current = false;
      const form = document.getElementById(formId);
      if (!(form instanceof HTMLFormElement)) return;
      const versionInput = form.elements.namedItem("version");
      if (versionInput instanceof HTMLInputElement) versionInput.value = String(versionRef.current);
      form.requestSubmit(held.submitter);
    } else if (reply.kind === "autosaved" && dirtyWhileSaving.current) {
      dirtyWhileSaving.current = false;
      save();
    }
  }, [fetcher.data, fetcher.state, formId, save]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!enabled || refusal || !(form instanceof HTMLFormElement)) return;
    const onInput = (event: Event) => {
      setUnsaved(true);
      // A chosen file waits for the form's own save.
      if (event.target instanceof HTMLInputElement && event.target.type === "file") return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (busy) dirtyWhileSaving.current = true;
        else save();
      }, DEBOUNCE_MS);
    };
    // The form's own submit carries everything; a pending background save would only race it,
    // and one already on its way would make the submit's version stale, so the submit waits for it.
    const onSubmit = (event: SubmitEvent) => {
      clearTimeout(timer.current);
      if (!busyRef.current) return;
      event.preventDefault();
      heldSubmit.current = { submitter: event.submitter };
    };
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
      form.removeEventListener("submit", onSubmit);
      clearTimeout(timer.current);
    };
  }, [formId, enabled, refusal, busy, save]);

  return { version, savedAt, invalid, unsaved, refusal, saving: busy };
}
