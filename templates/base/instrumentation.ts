// Next calls `register` once when the server starts. To run your own start-up code as well,
// export a `register` of your own that awaits this check first.
export { checkEnvironmentAtStartUp as register } from "@/lib/next-jwt-auth/config/start-up-check";
