import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

describe('QIHUANG_AUDIT_CHECKPOINT_SECRET (issue 15)', () => {
  it('is read with the webhook URL', () => {
    const config = loadConfig({
      QIHUANG_AUDIT_CHECKPOINT_URL: 'https://archive.example/checkpoints',
      QIHUANG_AUDIT_CHECKPOINT_SECRET: 's3cret',
    });
    expect(config).toMatchObject({
      auditCheckpointUrl: 'https://archive.example/checkpoints',
      auditCheckpointSecret: 's3cret',
    });
  });

  it('is required whenever a checkpoint webhook is configured (no unsigned webhooks, not even on 127.0.0.1)', () => {
    for (const url of ['https://archive.example/checkpoints', 'http://127.0.0.1:9000/hook']) {
      expect(() => loadConfig({ QIHUANG_AUDIT_CHECKPOINT_URL: url })).toThrow(
        /QIHUANG_AUDIT_CHECKPOINT_SECRET/,
      );
    }
  });

  it('is not needed for a checkpoint file alone', () => {
    expect(
      loadConfig({ QIHUANG_AUDIT_CHECKPOINT_FILE: '/tmp/x.ndjson' }).auditCheckpointSecret,
    ).toBeUndefined();
  });
});
