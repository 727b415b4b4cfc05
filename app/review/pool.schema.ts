import { z } from "zod";
import { msg } from "~/i18n/message";
import { EmailField } from "~/auth/auth.schema";
import { commaListField, lineListField } from "~/utils/form-fields";

const Expertise = commaListField({ maxItems: 20, maxLength: 60 });
const Lines = lineListField({ maxItems: 50, maxChars: 4000 });

const Capacity = z.coerce
  .number({ error: msg("schemas.rounds.enterReviews") })
  .int(msg("schemas.errors.wholeNumber"))
  .min(0, msg("schemas.errors.atLeast", { min: 0 }))
  .max(500, msg("schemas.errors.atMost", { max: 500 }));
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
  { error: msg("forms.errors.unknownAction") },
);

export const ConflictDeclarationSchema = z.object({
  intent: z.literal("declare-conflicts", { error: msg("forms.errors.unknownAction") }),
  cycleId: z.uuid(msg("reviewQueue.errors.chooseCycle")),
  organizations: Lines,
  domains: Lines.pipe(z.array(z.string().regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/i, msg("reviewQueue.errors.domains")))),
  people: Lines,
});
