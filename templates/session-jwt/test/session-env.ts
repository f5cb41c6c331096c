/** Variables an in-process test needs for its sessions: none, they live in the cookie. */
export function isolatedSessionEnv(name: string): Promise<Record<string, string>> {
  void name;
  return Promise.resolve({});
}
