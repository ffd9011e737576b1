// What framework hooks may ask of the interpreter while it runs (AdapterRuntime, see its replay
// contract in adapter.ts): call a value, load a module or file, list a folder, mark a value changed.
import type { AdapterRuntime, ArmPath } from './adapter';
import type { Evaluator } from './evaluate';
import type { FolderEntry } from './folders';
import type { Arg, Owner, Site, Value } from './values';

/** What hooks may ask of the interpreter (AdapterRuntime), as the Evaluator's own methods. */
export class HookRuntime implements AdapterRuntime {
  constructor(private readonly ev: Evaluator) {}

  get owner(): Owner {
    return this.ev.owner;
  }

  get arms(): ArmPath | null {
    return this.ev.arms;
  }

  call(callee: Value, args: Arg[], site: Site, thisArg?: Value): Value {
    return this.ev.callFunction(callee, args, site, thisArg);
  }

  require(fromFile: string, spec: string): Value {
    return this.ev.requireSpec(fromFile, spec);
  }

  requireFile(file: string): Value {
    return this.ev.requireFile(file);
  }

  list(dir: string): FolderEntry[] | null {
    return this.ev.folders?.list(dir) ?? null;
  }

  touch(value: { owner?: Owner }): void {
    this.ev.touch(value);
  }
}
