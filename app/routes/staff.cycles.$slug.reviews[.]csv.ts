import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { exportReviewsCsv } from "~/review/ranking.server";
import { csvResponse } from "~/utils/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  return csvResponse(`${cycle.slug}-reviews.csv`, await exportReviewsCsv(context.db, staff.id, cycle.id));
}
