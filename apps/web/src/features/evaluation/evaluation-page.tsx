/** Evaluation centre: runs list, start a run, compare two runs; report and comparison on sub-routes. */
import { Route, Routes } from 'react-router-dom';
import { ComparePage } from './compare-page.tsx';
import { RunReportPage } from './run-report-page.tsx';
import { RunsPage } from './runs-page.tsx';

export function EvaluationPage() {
  return (
    <Routes>
      <Route index element={<RunsPage />} />
      <Route path="runs/:id" element={<RunReportPage />} />
      <Route path="compare" element={<ComparePage />} />
    </Routes>
  );
}
