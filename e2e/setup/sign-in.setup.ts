import { expect, test as setup } from "@playwright/test";
import { E2E_USERS, storageStateOf, type E2ERole } from "../support/users";

// Each role signs in once through the real sign-in endpoint; the tests reuse the cookie.
for (const role of Object.keys(E2E_USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ request, baseURL }) => {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL! },
      data: E2E_USERS[role],
    });
    expect(response.status()).toBe(200);
    await request.storageState({ path: storageStateOf(role) });
  });
}
