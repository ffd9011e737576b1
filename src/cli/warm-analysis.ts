// The analysis a long-running command keeps between calls (`seven-stops mcp`): one incremental
// analyser for the folder, and a stat of every file and folder the last run read, so a call after
// nothing changed answers from memory and a call after an edit re-reads only the edited files.
import * as fs from 'fs';
import * as path from 'path';
import type { FullAnalysis, WorkspaceAnalyser } from '../core/analyse';
import { ConfigError, loadConfig } from '../core/config';
import { createAnalyser } from '../engine';

/** Thrown when the folder cannot be analysed; the message says why. */
export class AnalysisUnavailable extends Error {}

/** What a stat says about a path: changes when its content (file) or its entries (folder) do; null when it is gone. */
function stamp(p: string): string | null {
  try {
    const st = fs.statSync(p);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return null;
  }
}

export class WarmAnalysis {
  private analyser: WorkspaceAnalyser | null = null;
  private last: FullAnalysis | null = null;
  /** Stamps of the files the last run read (and their package.json files). */
  private files = new Map<string, string | null>();
  /** Stamps of the folders holding them, up to the root: a created, deleted or renamed file changes one. */
  private folders = new Map<string, string | null>();
  private configText = '';
  /** How the last call was answered, for tests and logs. */
  lastRun: 'full' | 'incremental' | 'cached' = 'full';

  constructor(readonly root: string, private readonly configFile?: string) {}

  /** The current analysis: from memory when nothing the last run read has changed on disk. */
  current(): FullAnalysis {
    if (!fs.existsSync(this.root) || !fs.statSync(this.root).isDirectory()) throw new AnalysisUnavailable(`the folder ${this.root} does not exist (any more)`);
    let config;
    try {
      config = loadConfig(this.root, this.configFile);
    } catch (e) {
      throw new AnalysisUnavailable(e instanceof ConfigError ? `configuration error: ${e.message}` : `${(e as Error).message}`);
    }
    const configText = JSON.stringify(config);
    const analyser = (this.analyser ??= createAnalyser(this.root, config));
    const sameConfig = configText === this.configText;
    analyser.setConfig(config);
    this.configText = configText;
    const now = new Map<string, string | null>();
    if (this.last && sameConfig) {
      const change = this.changes(now);
      if (!change) { this.lastRun = 'cached'; return this.last; }
      analyser.invalidate(change);
      this.lastRun = 'incremental';
    } else this.lastRun = 'full';
    try {
      this.last = analyser.analyse();
    } catch (e) {
      // Start again from nothing: what the failed run left in the analyser is not to be trusted.
      this.last = null;
      this.analyser = null;
      throw new AnalysisUnavailable(`analysis failed: ${(e as Error).message}`);
    }
    this.remember(analyser.lastFiles(), now);
    // From now on the stamps vouch for every file they did not report (WorkspaceAnalyser.invalidate).
    analyser.invalidate({});
    return this.last;
  }

  /**
   * What changed since the last run, or null when nothing did; `now` gets the stamps read, so the next
   * run's are those from before it started (a file saved while it runs is seen by the call after).
   */
  private changes(now: Map<string, string | null>): { files: string[]; rediscover: boolean } | null {
    const files = [...this.files].filter(([f, s]) => { const t = stamp(f); now.set(f, t); return t !== s; }).map(([f]) => f);
    const rediscover = [...this.folders].filter(([d, s]) => { const t = stamp(d); now.set(d, t); return t !== s; }).length > 0;
    return files.length || rediscover ? { files, rediscover } : null;
  }

  /** Stamps of what the run read: those taken before it (`now`) where there are, else fresh. */
  private remember(read: readonly string[], now: Map<string, string | null>): void {
    const stampOf = (p: string) => (now.has(p) ? now.get(p)! : stamp(p));
    this.files = new Map();
    this.folders = new Map();
    const root = path.resolve(this.root);
    for (const f of read) this.files.set(f, stampOf(f));
    for (const f of read) {
      for (let d = path.dirname(f); !this.folders.has(d); d = path.dirname(d)) {
        this.folders.set(d, stampOf(d));
        // A package.json holds the framework versions the adapters read.
        const pkg = path.join(d, 'package.json');
        this.files.set(pkg, stampOf(pkg));
        if (d === root || path.dirname(d) === d) break;
      }
    }
    if (!this.folders.has(root)) this.folders.set(root, stampOf(root));
  }
}
