import { z } from "zod";
import { BIDS } from "./bids";

/** The bidding form: one row per application, each a bid or "" (no bid). */
export const BidsSchema = z.object({
  bids: z
    .array(
      z.object({
        applicationId: z.uuid({ error: "Reload the page and bid again" }),
        bid: z.enum(BIDS, { error: "Choose eager, willing, not willing or conflict" }).optional(),
      }),
    )
    .max(2000, "Too many rows in one form")
    .default([]),
});
