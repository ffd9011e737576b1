// Runs rules with the user's severities and honours `// seven-stops-ignore-next-line <rule>`.
import type { SevenStopsConfig } from './config';
import type { AnalysisModel, Finding, Framework, ModelRoute, OrderedLayer, Severity, StackOrigin } from './model';
import { literalPaths, PathMatcher } from './path-matcher';
import { Rule, RuleContext, formatMessage } from './rule';
import { RuleMemory } from './rule-memory';

export interface RuleHost {
  /** Line (1-based) → rule ids ignored on that line ('*' = all), per root-relative file. */
  ignores(file: string): Record<number, string[]>;
  /** The path matcher of a stack, by where it starts (its adapter's, see FrameworkAdapter.paths); literalPaths without it. */
  paths?(origin: StackOrigin): PathMatcher;
}

/** `memory` is the analyser's (kept between its runs); a fresh one makes every finding anew. */
export function runRules(rules: Rule[], model: AnalysisModel, config: SevenStopsConfig, host: RuleHost, memory: RuleMemory = new RuleMemory()): Finding[] {
  const out: Finding[] = [];
  const views = new Map<string, AnalysisModel>();
  // What rules work out once per run and share (RuleContext.shared), per view of the model.
  const shared = new Map<AnalysisModel, Map<object, unknown>>();
  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    // A rule sees only the apps and routes of the frameworks it declares it understands.
    const key = [...rule.frameworks].sort().join(',');
    let view = views.get(key);
    if (!view) views.set(key, (view = modelFor(model, rule.frameworks)));
    if (!view.stacks.length && !view.routes.length) continue;
    const origins = view.origins;
    let values = shared.get(view);
    if (!values) shared.set(view, (values = new Map()));
    const viewValues = values;
    const ctx: RuleContext = {
      model: view, config, reuse: (key, inputs, make) => memory.report(rule.id, key, inputs, make),
      paths: app => host.paths?.(origins[app]) ?? literalPaths,
      derived: (of, name, make) => memory.derived(of, name, make),
      shared: <T>(key: object, make: () => T): T => {
        if (!viewValues.has(key)) viewValues.set(key, make());
        return viewValues.get(key) as T;
      },
    };
    let reports: ReturnType<Rule['check']>;
    try {
      reports = rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the whole analysis down; surface it as an info finding instead.
      reports = [];
      out.push({
        ruleId: rule.id, messageId: 'internalError', data: {}, severity: 'info', stop: rule.stop,
        message: `Seven Stops rule ${rule.id} failed: ${(e as Error).message}`,
        file: '.', line: 1, column: 1, endLine: 1, endColumn: 1, related: [], fixes: [],
      });
    }
    for (const r of reports) {
      const ignored = host.ignores(r.file)[r.line];
      if (ignored && (ignored.includes('*') || ignored.includes(rule.id))) continue;
      const severity: Severity = config.rules[rule.id] !== undefined ? setting : rule.messageSeverity?.[r.messageId] ?? setting;
      out.push(memory.finding(r, known => known.ruleId === rule.id && known.severity === severity, () => findingOf(rule, severity, r)));
    }
    memory.ruleDone();
  }
  return out;
}

/**
 * The model restricted to `frameworks`: the model itself when it holds nothing else (the usual
 * case, which keeps its objects for rules that remember reports), else a copy with the other apps'
 * stacks and routes left out and the indices between them renumbered.
 */
export function modelFor(model: AnalysisModel, frameworks: readonly Framework[]): AnalysisModel {
  const wanted = new Set(frameworks);
  const contextsKept = (model.contexts ?? []).every(c => !c.framework || wanted.has(c.framework));
  if (contextsKept && model.origins.every(o => wanted.has(o.framework)) && model.routes.every(r => wanted.has(r.framework))) return model;
  const appIndex = new Map<number, number>();
  model.origins.forEach((o, i) => { if (wanted.has(o.framework)) appIndex.set(i, appIndex.size); });
  const routeIndex = new Map<number, number>();
  const routes: ModelRoute[] = [];
  model.routes.forEach((r, i) => {
    const app = appIndex.get(r.app);
    if (app === undefined || !wanted.has(r.framework)) return;
    routeIndex.set(i, routes.length);
    routes.push(app === r.app ? r : { ...r, app });
  });
  const stacks: OrderedLayer[][] = [];
  const origins: StackOrigin[] = [];
  for (const [from] of appIndex) {
    origins.push(model.origins[from]);
    stacks.push(model.stacks[from].flatMap(l => {
      if (l.route === undefined) return [l];
      const to = routeIndex.get(l.route);
      return to === undefined ? [] : [to === l.route ? l : { ...l, route: to }];
    }));
  }
  const contexts = model.contexts?.filter(c => !c.framework || wanted.has(c.framework));
  return { routes, stacks, origins, ...(contexts?.length ? { contexts } : {}) };
}

function findingOf(rule: Rule, severity: Severity, r: ReturnType<Rule['check']>[number]): Finding {
  return { ...r, ruleId: rule.id, severity, stop: rule.stop, message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data, rule.phrases) };
}
