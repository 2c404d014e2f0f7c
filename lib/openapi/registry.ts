import type { ApiOperation } from "./api-operation";
import { ANALYTICS_OPERATIONS } from "./operations/analytics";
import { CUSTOMER_OPERATIONS } from "./operations/customers";
import { DASHBOARD_OPERATIONS, EXPORT_OPERATIONS } from "./operations/dashboard";
import { EVENT_OPERATIONS } from "./operations/events";
import { JOURNEY_OPERATIONS } from "./operations/journeys";
import { SEGMENT_OPERATIONS } from "./operations/segment";
import { SERVICE_OPERATIONS } from "./operations/service";
import { SESSION_OPERATIONS } from "./operations/sessions";
import { WHAT_IF_OPERATIONS } from "./operations/what-if";

/**
 * Every operation of the HTTP API. A new route adds its operations (beside the schemas it
 * validates with) and one line here; lib/openapi/openapi-document.test.ts fails until it does.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...SERVICE_OPERATIONS,
  ...EVENT_OPERATIONS,
  ...SEGMENT_OPERATIONS,
  ...CUSTOMER_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...ANALYTICS_OPERATIONS,
  ...JOURNEY_OPERATIONS,
  ...WHAT_IF_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...DASHBOARD_OPERATIONS,
];
