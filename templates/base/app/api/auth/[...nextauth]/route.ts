import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  const response = (await NextAuth(request, context, authOptions())) as Response;
  const { nextauth } = await context.params;
  if (request.method === "POST" && nextauth[0] === "signout") {
    // Sign-out also wipes every cookie of this origin in the browser, belt and braces.
    const headers = new Headers(response.headers);
    headers.set("Clear-Site-Data", '"cookies"');
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, headers });
  }
  return response;
}

export { handler as GET, handler as POST };
