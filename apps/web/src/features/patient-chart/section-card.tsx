import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../../components/states.tsx';
import type { AsyncState } from '../../lib/use-async.ts';

interface Props<T> {
  id: string;
  title: string;
  state: AsyncState<T> & { reload: () => void };
  className?: string;
  children: (data: T) => ReactNode;
}

/** One titled chart section with its own loading and error state, so one failing query hides nothing else. */
export function SectionCard<T>({ id, title, state, className, children }: Props<T>) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={state.reload} />}
      {state.status === 'success' && children(state.data)}
    </section>
  );
}
