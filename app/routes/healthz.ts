import type { LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ context }: LoaderFunctionArgs) {
  const ok = await context.db
    .selectNoFrom((eb) => eb.lit(1).as("one"))
    .execute()
    .then(
      () => true,
      () => false,
    );
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
