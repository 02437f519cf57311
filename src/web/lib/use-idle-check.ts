import { useEffect } from 'react';
import { api, lastApiRequestAt } from './api.ts';

/**
 * The server ends a session after `idleTimeoutSeconds` without a request. Once that time has passed on an
 * open page, ask the server again: the answer (401 SESSION_EXPIRED) sends the user to the login page, so
 * an unattended screen does not keep showing data.
 */
export function useIdleCheck(idleTimeoutSeconds: number): void {
  useEffect(() => {
    if (!(idleTimeoutSeconds > 0)) return;
    const limit = idleTimeoutSeconds * 1000;
    const timer = window.setInterval(
      () => {
        if (Date.now() - lastApiRequestAt() > limit) void api.get('/session').catch(() => undefined);
      },
      Math.min(30_000, Math.max(1_000, limit / 4)),
    );
    return () => window.clearInterval(timer);
  }, [idleTimeoutSeconds]);
}
