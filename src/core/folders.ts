// The workspace's folders as the program would list them (`fs.readdirSync(__dirname)`,
// `@fastify/autoload`), answered from the files discovery found: the disk is never read while the
// program is replayed. Only source files are known, so a listing holds the discovered source files and
// the folders that contain one (a folder of README.md and JSON files is not listed).
import * as path from 'path';

export interface FolderEntry {
  name: string;
  folder: boolean;
}

export class FolderIndex {
  /** Built on first use: most runs list no folder. */
  private byDir: Map<string, FolderEntry[]> | null = null;

  /** `files`: absolute paths of the discovered files; `root`: the workspace folder (nothing above it is listed). */
  constructor(private readonly root: string, private readonly files: readonly string[]) {}

  /** The entries directly in `dir`, sorted by name as Node's readdir gives them; null when no discovered file is under it. */
  list(dir: string): FolderEntry[] | null {
    return (this.byDir ??= this.build()).get(path.resolve(dir)) ?? null;
  }

  /** Whether `p` (absolute) is a discovered file or a listed folder; null when the scan saw neither (it may still exist). */
  kind(p: string): 'file' | 'folder' | null {
    const full = path.resolve(p);
    const byDir = (this.byDir ??= this.build());
    if (byDir.has(full)) return 'folder';
    const name = path.basename(full);
    return byDir.get(path.dirname(full))?.some(e => e.name === name && !e.folder) ? 'file' : null;
  }

  private build(): Map<string, FolderEntry[]> {
    const byDir = new Map<string, FolderEntry[]>();
    const root = path.resolve(this.root);
    const add = (dir: string, entry: FolderEntry): void => {
      const list = byDir.get(dir);
      if (list) list.push(entry); else byDir.set(dir, [entry]);
    };
    for (const file of this.files) {
      let dir = path.dirname(file);
      const known = byDir.has(dir);
      add(dir, { name: path.basename(file), folder: false });
      if (known) continue;
      // A new folder: its entry in its parent, and so on up to the root (or a folder listed already).
      while (dir !== root && dir.startsWith(root + path.sep)) {
        const parent = path.dirname(dir);
        const parentKnown = byDir.has(parent);
        add(parent, { name: path.basename(dir), folder: true });
        if (parentKnown) break;
        dir = parent;
      }
    }
    for (const list of byDir.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return byDir;
  }
}
