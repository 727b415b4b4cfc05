import { z } from "zod";
import { msg } from "~/i18n/message";
import { BIDS } from "./bids";

/** The bidding form: one row per application, each a bid or "" (no bid). */
export const BidsSchema = z.object({
  bids: z
    .array(
      z.object({
        applicationId: z.uuid({ error: msg("reviewBids.errors.reload") }),
        bid: z.enum(BIDS, { error: msg("reviewBids.errors.chooseBid") }).optional(),
      }),
    )
    .max(2000, msg("reviewBids.errors.tooManyRows"))
    .default([]),
});
