import { openDatabase } from '@qihuang/store';
const d = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/qh_scratch_bulk' });
await d.close();
