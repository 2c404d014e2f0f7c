/** The dashboard users the e2e server creates, one per role (scripts/e2e-server.ts). */
export const E2E_USERS = {
  agent: { email: "agent@e2e.test", password: "e2e-agent-password" },
  analyst: { email: "analyst@e2e.test", password: "e2e-analyst-password" },
  auditor: { email: "auditor@e2e.test", password: "e2e-auditor-password" },
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
} as const;

export type E2ERole = keyof typeof E2E_USERS;

/** Where each role's signed-in browser state is kept between the setup and the tests. */
export function storageStateOf(role: E2ERole): string {
  return `test-results/auth/${role}.json`;
}
