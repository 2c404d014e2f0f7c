import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { storageStateOf, type E2ERole } from "./users";

/** An API client with a role's session cookie (signed in once by e2e/setup). */
export function signedInAs(role: E2ERole, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: storageStateOf(role) });
}

/** The dashboard user id behind a role's cookie (audit streams are per viewer). */
export async function viewerIdOf(client: APIRequestContext): Promise<string> {
  const session = await (await client.get("/api/auth/get-session")).json();
  return session.user.id as string;
}
