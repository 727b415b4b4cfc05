import type { AssignmentStatus } from "#db/types";
import type { MessageKey } from "~/i18n/message";

/** A review assignment's status as staff pages name it, in the catalogs. */
export const ASSIGNMENT_STATUS_KEYS: Record<AssignmentStatus, MessageKey> = {
  assigned: "selection.assignmentStatus.assigned",
  submitted: "selection.assignmentStatus.submitted",
  recused: "selection.assignmentStatus.recused",
};
