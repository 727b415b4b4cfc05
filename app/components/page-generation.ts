import { useState } from "react";

/**
 * The key of the page's content: it changes with every successful form (each success redirects
 * with a fresh flash id), so the page is built anew from what the server now holds — ticked
 * boxes, typed text and reordered lists included — exactly as a reload does without JavaScript.
 * A failed form leaves it alone (no new id), so the person's input and its errors stay.
 */
export function usePageGeneration(flashId: string | undefined): string {
  const [generation, setGeneration] = useState(flashId ?? "first");
  // Remembered, not derived: the next revalidation (a failed form, say) arrives without a flash.
  if (flashId && flashId !== generation) setGeneration(flashId);
  return flashId ?? generation;
}
