import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffRound } from "~/review/staff-round.server";
import { exportReviewsCsv } from "~/review/ranking.server";
import { csvResponse } from "~/utils/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { staff, cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const name = rounds.length > 1 ? `${cycle.slug}-round-${round.position}-reviews.csv` : `${cycle.slug}-reviews.csv`;
  return csvResponse(name, await exportReviewsCsv(context.db, staff.id, round));
}
