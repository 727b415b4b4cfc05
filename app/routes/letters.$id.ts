import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLetterForViewer } from "~/references/letters.server";
import { isUuid } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

// Reference letters are served only here, only to staff and the application's assigned reviewers,
// never to the applicant, always as a download. A letter this user may not read answers exactly
// like one that does not exist.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const letter = isUuid(params.id) ? await findLetterForViewer(context.db, params.id, user) : null;
  if (!letter) {
    return new Response("Not found: this letter does not exist, or it is not yours to read.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const filename = encodeURIComponent(letter.downloadName);
  return new Response(new Uint8Array(letter.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(letter.bytes.length),
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
