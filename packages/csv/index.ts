/** The one CSV reader (RFC 4180) and writer cell; pure, no dependencies. */
export { csvCell, readCsv, readCsvRecords, type ReadCsvOptions } from './csv.ts';
