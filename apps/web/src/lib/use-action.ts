/** A button-triggered request: `run()` sets busy, clears the last error, stores the result or the error. */
import { useCallback, useState } from 'react';

export function useAction<T>(action: () => Promise<T>): {
  result: T | null;
  setResult: (value: T | null) => void;
  busy: boolean;
  error: unknown;
  run: () => Promise<void>;
} {
  const [result, setResult] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [action]);
  return { result, setResult, busy, error, run };
}
