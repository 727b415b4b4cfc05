import { z } from "zod";
import { EmailField } from "~/auth/auth.schema";

const Capacity = z.coerce
  .number({ error: "Enter how many reviews" })
  .int("Enter a whole number")
  .min(0, "At least 0")
  .max(500, "At most 500");
const Expertise = z
  .string()
  .max(500, "Use at most 500 characters")
  .optional()
  .transform((value) =>
    [
      ...new Set(
        (value ?? "")
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ]
      .slice(0, 20)
      .map((tag) => tag.slice(0, 60)),
  );

export const PoolActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite-reviewer"), email: EmailField, capacity: Capacity, expertise: Expertise }),
    z.object({
      intent: z.literal("update-reviewer"),
      userId: z.uuid(),
      version: z.coerce.number().int(),
      capacity: Capacity,
      expertise: Expertise,
    }),
    z.object({ intent: z.literal("remove-reviewer"), userId: z.uuid() }),
  ],
  { error: "That form action is not known." },
);

const Lines = z
  .string()
  .max(4000, "Use at most 4000 characters")
  .optional()
  .transform((value) =>
    [
      ...new Set(
        (value ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ].slice(0, 50),
  );

export const ConflictDeclarationSchema = z.object({
  intent: z.literal("declare-conflicts", { error: "That form action is not known." }),
  cycleId: z.uuid("Choose a cycle"),
  organizations: Lines,
  domains: Lines.pipe(
    z.array(z.string().regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/i, "Write email domains like example.org, one per line")),
  ),
  people: Lines,
});
