// next-auth behind the login throttle; the handler lives in lib/next-jwt-auth/routes/auth.ts.
export { authRouteHandler as GET, authRouteHandler as POST } from "@/lib/next-jwt-auth/routes/auth";
