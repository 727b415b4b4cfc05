import { describe, expect, it } from "vitest";
import { canContactAllies, canSeeNetworkProfiles, directoryAudience, type Role } from "~/auth/roles";

describe("who sees which profiles", () => {
  const as = (...roles: Role[]) => ({ roles });

  it("gives visitors and people outside the program the public directory only", () => {
    expect(directoryAudience(null)).toBe("public");
    expect(directoryAudience(as())).toBe("public");
    expect(directoryAudience(as("applicant"))).toBe("public");
  });

  it("opens network profiles to partners, reviewers, fellows and allies, and everything to staff", () => {
    for (const role of ["partner", "reviewer", "fellow", "ally"] as const) {
      expect(canSeeNetworkProfiles(as(role)), role).toBe(true);
      expect(directoryAudience(as("applicant", role)), role).toBe("network");
    }
    expect(directoryAudience(as("staff"))).toBe("staff");
  });

  it("lets only partners and staff write to allies", () => {
    expect(canContactAllies(as("partner"))).toBe(true);
    expect(canContactAllies(as("staff"))).toBe(true);
    expect(canContactAllies(as("ally", "reviewer", "fellow"))).toBe(false);
    expect(canContactAllies(null)).toBe(false);
  });
});
