import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAlliesCsv } from "~/network/allies-csv.server";
import { csvResponse } from "~/utils/csv.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  return csvResponse("allies.csv", await exportAlliesCsv(context.db, staff.id));
}
