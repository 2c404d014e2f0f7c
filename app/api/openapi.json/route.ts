import { handle } from "@/lib/api/handle";
import { openApiDocument } from "@/lib/openapi/openapi-document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the whole HTTP API as an OpenAPI 3.1 document, generated from the schemas the routes
// validate with; open (it describes the API, nothing in it is data)
export const GET = handle(async () => Response.json(openApiDocument()));
