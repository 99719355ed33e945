/** `qihuang guard check FILE` — grounding guard on a saved answer ({"answer","passages","patient"}). */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { checkAnswer, parseGuardRequest } from '@qihuang/guard';

export function registerGuard(program: Command): void {
  const guard = program
    .command('guard')
    .description('Grounding guard: verify a model answer against its passages and the clinical engines');
  guard
    .command('check')
    .description(
      'Check FILE = {"answer", "passages": [{id,title,text}], "patient"?, "guideline"?}; passages are cited as [id]',
    )
    .argument('<file>', 'JSON file, or - for standard input')
    .option(
      '--policy <policy>',
      'what a contradicted claim does: block|annotate|revise (revise needs a model; here it annotates)',
      'annotate',
    )
    .option('--json', 'print the full result as JSON')
    .action(async (file: string, o: { policy: string; json?: boolean }) => {
      if (!['block', 'annotate', 'revise'].includes(o.policy)) {
        throw new QihuangError(
          'invalid-input',
          `--policy must be block, annotate or revise, got "${o.policy}"`,
        );
      }
      let raw: string;
      try {
        raw = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch {
        throw new QihuangError('invalid-input', `Cannot read ${file}`);
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new QihuangError('invalid-input', `${file} is not valid JSON`);
      }
      const request = parseGuardRequest(body);
      const result = await checkAnswer({
        ...request,
        policy: request.policy ?? (o.policy as 'block' | 'annotate' | 'revise'),
      });
      if (o.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const mark = { supported: '✓', contradicted: '✗', unverifiable: '?' } as const;
      for (const c of result.claims) {
        console.log(`${mark[c.verdict]} ${c.kind.padEnd(14)} ${c.text.replace(/\s+/g, ' ').slice(0, 100)}`);
        if (c.verdict !== 'unverifiable' || c.checks.length) console.log(`    ${c.reason}`);
      }
      console.log(`${result.summary.text} → ${result.action}`);
      for (const n of result.notes) console.log(`note: ${n}`);
      if (result.action === 'annotate') console.log(`\n${result.answer}`);
    });
}
