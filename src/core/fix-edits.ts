// Turns a rule's quick fix (an intent: "move this statement above that one") into text edits, when
// someone asks for them: VS Code's code actions, a rule test. Rules run on every keystroke and most
// fixes are never looked at, so nothing here runs during analysis. Off the hot path, ts-morph's own
// API earns its place: each kind (core/fixes/) reads a real syntax tree of the text as it is now,
// in a throwaway in-memory project, and answers with text edits, never by changing a project.
import type { Fix, Suggestion } from './model';
import { addOption } from './fixes/add-option';
import { appendCall } from './fixes/append-call';
import { moveBeforeCall } from './fixes/move-before-call';
import { moveCall } from './fixes/move-call';
import { moveHook } from './fixes/move-hook';
import { moveStatement } from './fixes/move-statement';
import { unwrapCall } from './fixes/unwrap-call';
import { pipeToPipeline } from './fixes/pipe-to-pipeline';
import { replaceText } from './fixes/replace-text';
import { wrapCall } from './fixes/wrap-call';

/** The edits of `fix` on the file's current text, or null when the code no longer has that shape. */
export function suggestionFor(fix: Fix, text: string): Suggestion | null {
  switch (fix.kind) {
    case 'move-statement': return moveStatement(fix, text);
    case 'move-before-call': return moveBeforeCall(fix, text);
    case 'add-option': return addOption(fix, text);
    case 'wrap-call': return wrapCall(fix, text);
    case 'move-hook': return moveHook(fix, text);
    case 'move-call': return moveCall(fix, text);
    case 'unwrap-call': return unwrapCall(fix, text);
    case 'append-call': return appendCall(fix, text);
    case 'pipe-to-pipeline': return pipeToPipeline(fix, text);
    case 'replace-text': return replaceText(fix, text);
  }
}
