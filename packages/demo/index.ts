/** Demo data generation (seeded, synthetic). */
export {
  generateHomeBpSeries,
  mulberry32,
  HOME_BP_PROFILES,
  type HomeBpProfile,
  type HomeBpSeries,
  type HomeBpSeriesOptions,
} from './home-bp-series.ts';
export { seedDemoData, DEMO_DATA_DIR, type SeedResult } from './seed.ts';
export { DEMO_ORDERS, DEMO_TAG, demoMedicationRequest } from './pharmacy-orders.ts';
export { translateResource, translateBundle, SNOMED_ZH, TRANSLATION_URL } from './translations.ts';
