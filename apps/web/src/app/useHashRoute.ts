import { useCallback, useEffect, useState } from 'react';
import type { Route } from './route';
import { formatRoute, parseRoute } from './route';

/** The current hash route and a `navigate` that pushes a history entry (Back works). */
export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const hash = formatRoute(next);
    if (hash === window.location.hash) return;
    if (options.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    setRoute(parseRoute(hash));
  }, []);

  return [route, navigate];
}
