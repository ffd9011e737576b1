// The file of the synthetic bench workspace (scripts/bench.ts) the editor benchmarks open: a leaf
// router four folders down, behind the app's auth layer.
import * as path from 'path';
import * as vscode from 'vscode';

export async function findLeaf(folder: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(folder, 'src', 'a3', 'm2', 'g1');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const name = entries.map(e => e[0]).find(n => n.startsWith('leaf'))!;
  return vscode.Uri.file(path.join(dir.fsPath, name));
}
