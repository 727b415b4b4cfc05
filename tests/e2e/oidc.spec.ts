import { expect, test } from "./support/fixtures";

// Single sign-on through the program's OpenID provider (a real oidc-provider that the test
// configuration starts next to the portal; its development login page takes any password).
for (const javaScriptEnabled of [true, false]) {
  test.describe(`single sign-on with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a staff member signs in with the program's OpenID provider and lands on /staff", async ({
      page,
      createAccount,
      expectAccessible,
    }) => {
      // Two origins and two accessibility checks (each a second page without JavaScript): the slow-test budget.
      test.slow();
      const staff = await createAccount({ staff: true, name: "Ama Mensah" });
      await page.goto("/staff");
      await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff$/);
      await expectAccessible(page);
      await page.getByRole("link", { name: "Sign in with Fellows ID" }).click();

      // At the provider: its own sign-in page, on its own origin.
      await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${process.env.E2E_OIDC_PORT}/interaction/`));
      await page.getByPlaceholder("Enter any login").fill(staff.email);
      await page.getByPlaceholder("and password").fill("the provider checks its own passwords");
      await page.getByRole("button", { name: "Sign-in" }).click();

      await expect(page).toHaveURL(/\/staff$/);
      await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }),
      ).toBeVisible();
      await expectAccessible(page);
    });

    test("an email the provider has not verified is refused with a page that says why", async ({
      page,
      createAccount,
      expectAccessible,
    }) => {
      test.slow(); // two origins, and ~45 s on two loaded cores
      const person = await createAccount();
      await page.goto("/login");
      await page.getByRole("link", { name: "Sign in with Fellows ID" }).click();
      await page.getByPlaceholder("Enter any login").fill(`unverified:${person.email}`);
      await page.getByPlaceholder("and password").fill("anything");
      await page.getByRole("button", { name: "Sign-in" }).click();

      await expect(page.getByRole("heading", { name: "Your email address is not verified" })).toBeVisible();
      await expect(page.getByText("Fellows ID has not verified your email address")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Go to the sign-in page" }).click();
      await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    });
  });
}
