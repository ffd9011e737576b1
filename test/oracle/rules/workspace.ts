// A throwaway workspace for the rule oracles: files written to a temp folder, analysed with the real
// engine, and the findings of one rule returned.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../../src/core/model';
import { analyseFolder } from '../../../src/engine';

export function findingsOf(ruleId: string, files: Record<string, string>): Finding[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-rule-oracle-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return analyseFolder(root).findings.filter(f => f.ruleId === ruleId);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
