import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from './session.tsx';
import { DIVISION_PARAM, YEAR_PARAM, resolveScope, withScope } from './scope-core.ts';

/**
 * `useScope()` → { divisionCode, divisionName, fiscalYear, setDivision, setFiscalYear }: the division and
 * year every page works in. They live in the URL; pages pass them to the API as `division` and `year`
 * (`scopeQuery(scope)`) and put them in their query keys.
 */
export interface ScopeState {
  readonly divisionCode: string;
  readonly divisionName: string;
  readonly fiscalYear: number;
  readonly setDivision: (code: string) => void;
  readonly setFiscalYear: (year: number) => void;
}

const ScopeContext = createContext<ScopeState | null>(null);

/** Paging starts over when the scope changes. */
const RESET_ON_CHANGE = ['page'];

export function ScopeProvider({ children }: { children: ReactNode }) {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const requestedDivision = params.get(DIVISION_PARAM);
  const requestedYear = params.get(YEAR_PARAM);

  const resolved = useMemo(
    () =>
      resolveScope({ division: requestedDivision, year: requestedYear }, me.divisions, {
        code: me.user.divisionCode,
        name: me.user.divisionName,
      }),
    [requestedDivision, requestedYear, me],
  );

  // Write a missing or refused scope into the URL, so that what the header shows is what links carry.
  useEffect(() => {
    if (!resolved.corrected) return;
    setParams(
      (p) => {
        p.set(DIVISION_PARAM, resolved.divisionCode);
        p.set(YEAR_PARAM, String(resolved.fiscalYear));
        return p;
      },
      { replace: true },
    );
  }, [resolved, setParams]);

  const update = useCallback(
    (key: string, value: string) =>
      setParams((p) => {
        p.set(key, value);
        for (const k of RESET_ON_CHANGE) p.delete(k);
        return p;
      }),
    [setParams],
  );
  const setDivision = useCallback((code: string) => update(DIVISION_PARAM, code), [update]);
  const setFiscalYear = useCallback((year: number) => update(YEAR_PARAM, String(year)), [update]);

  const value = useMemo<ScopeState>(
    () => ({
      divisionCode: resolved.divisionCode,
      divisionName: resolved.divisionName,
      fiscalYear: resolved.fiscalYear,
      setDivision,
      setFiscalYear,
    }),
    [resolved, setDivision, setFiscalYear],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeState {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope must be used inside the signed-in app layout');
  return scope;
}

/** `const href = useScopedHref(); <Link to={href('/projects')}>`: in-app links keep division and year. */
export function useScopedHref(): (to: string) => string {
  const { divisionCode, fiscalYear } = useScope();
  return useCallback((to: string) => withScope(to, { divisionCode, fiscalYear }), [divisionCode, fiscalYear]);
}
