import type { Command } from 'commander';
import { loadConfig } from '@qihuang/config';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the Qihuang server (FHIR API, gateway, console). Settings from PORT, HOST, QIHUANG_DATA_DIR, DATABASE_URL, QIHUANG_DEMO …',
    )
    .option('-p, --port <port>', 'port to listen on (PORT, default 8080)')
    .option('--host <host>', 'address to bind (HOST, default 127.0.0.1)')
    .option('--data-dir <dir>', 'embedded database directory (QIHUANG_DATA_DIR, default ./.qihuang)')
    .option('--no-demo', 'start without demo data (QIHUANG_DEMO=0)')
    .action(async (options: { port?: string; host?: string; dataDir?: string; demo: boolean }) => {
      const env = { ...process.env };
      if (options.port) env.PORT = options.port;
      if (options.host) env.HOST = options.host;
      if (options.dataDir) env.QIHUANG_DATA_DIR = options.dataDir;
      if (!options.demo) env.QIHUANG_DEMO = '0';
      // Loaded on demand so that other commands start fast.
      const { startServer } = await import('../../server/index.ts');
      const server = await startServer(loadConfig(env));
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
