import type { LoaderFunctionArgs } from "@remix-run/node";
import { findFileForViewer } from "~/applications/file-access.server";
import { isUuid } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

// Files are served only here, only to whoever may see them, always as a download. A file this
// user may not see answers exactly like one that does not exist.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const file = isUuid(params.id) ? await findFileForViewer(context.db, params.id, user) : null;
  if (!file) {
    return new Response("Not found: this file does not exist, or it is not yours to see.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const filename = encodeURIComponent(file.downloadName);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
