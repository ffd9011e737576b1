// What the rule runner keeps between one analyser's runs: the findings made of reports a rule gave
// again, and each rule's reports by the inputs they were built from. Owned by the analyser (one per
// workspace folder), so rules stay pure functions of their context and two analysers share nothing.
import type { Finding } from './model';
import { NamedMemo } from './named-memo';
import type { RuleReport } from './rule';

interface Remembered { inputs: readonly unknown[]; report: RuleReport }

export class RuleMemory {
  /** Findings by the report they were made of (a report given again gives the same finding). */
  private readonly findings = new WeakMap<RuleReport, Finding>();
  /** Per rule id, the last report made for a key (a range of an unchanged file is the same object run after run). */
  private readonly reports = new Map<string, WeakMap<object, Remembered>>();

  /** Values derived from one object of the model alone (see derived), for as long as the object lives. */
  private readonly derivations = new NamedMemo();

  /**
   * `oneRun`: the analyser runs once and is dropped (the CLI). It keeps no report or finding for a
   * next run, and what rules derive only while one rule runs (see ruleDone): on 100,000 routes the
   * derivations of every rule, kept together, were the rules' 45 MB at the peak of the scan.
   */
  constructor(private readonly oneRun = false) {}

  /** Told by the runner after each rule: a one-run memory forgets what was derived (a later rule derives what it needs again). */
  ruleDone(): void {
    if (this.oneRun) this.derivations.clear();
  }

  /**
   * What `make` derives from `of` alone, under `name`: made once for as long as `of` lives. Facts of
   * unchanged files are the same objects run after run, so an edit derives only from what it changed.
   */
  derived<T>(of: object, name: string, make: () => T): T {
    return this.derivations.get(name, of, make);
  }

  /** The finding made of `report` last time, when its rule and severity are the same; else `make()`'s, remembered. */
  finding(report: RuleReport, same: (known: Finding) => boolean, make: () => Finding): Finding {
    if (this.oneRun) return make();
    const known = this.findings.get(report);
    if (known && same(known)) return known;
    const f = make();
    this.findings.set(report, f);
    return f;
  }

  /** The report `ruleId` made for `key` last time when every input is identical (===), else `make()`'s, remembered. */
  report(ruleId: string, key: object, inputs: readonly unknown[], make: () => RuleReport): RuleReport {
    if (this.oneRun) return make();
    let table = this.reports.get(ruleId);
    if (!table) this.reports.set(ruleId, (table = new WeakMap()));
    const last = table.get(key);
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) return last.report;
    const report = make();
    table.set(key, { inputs, report });
    return report;
  }
}
