// The backend proxy (/api/proxy/<path> → BACKEND_URL/<path> with the session's access
// token); the handler lives in lib/next-jwt-auth/routes/backend-proxy.ts.
export const dynamic = "force-dynamic";

export { GET, HEAD, POST, PUT, PATCH, DELETE } from "@/lib/next-jwt-auth/routes/backend-proxy";
