import type { LoaderFunctionArgs } from "@remix-run/node";
import { listQuestions } from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { exportCompletenessCsv } from "~/references/completeness.server";
import { csvResponse } from "~/utils/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const questions = await listQuestions(context.db, cycle.id);
  const csv = await exportCompletenessCsv(context.db, staff.id, cycle, questions);
  return csvResponse(`${cycle.slug}-completeness.csv`, csv);
}
