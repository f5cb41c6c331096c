import packageJson from "@/package.json";

/**
 * The app's name in the header and the page title: `name` in package.json,
 * the project name it was created with. Rename the app there.
 */
export const APP_NAME: string = (packageJson as { name?: string }).name ?? "app";
