/** The bearer token lives in sessionStorage: gone when the tab closes, never in localStorage. */
const KEY = 'qihuang.token';

export const tokenStore = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // storage unavailable: nothing to clear
    }
  },
};
