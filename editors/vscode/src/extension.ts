/** The "Search patterns" command: a quick pick fed by /v1/suggest and /v1/search, opening patterns in a preview. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PickAction, PickItem, headingSlug, patternDocument, pickItems } from './format';
import { DEFAULT_SERVER_URL, DaemonUnavailableError, PatternClient } from './search_client';

const SCHEME = 'pattern';
const DEBOUNCE_MS = 150;

function client(): PatternClient {
  const config = vscode.workspace.getConfiguration('patternSearch');
  return new PatternClient(config.get<string>('serverUrl', DEFAULT_SERVER_URL));
}

function resultLimit(): number {
  return vscode.workspace.getConfiguration('patternSearch').get<number>('resultLimit', 20);
}

async function reportError(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DaemonUnavailableError)) {
    void vscode.window.showErrorMessage(`Pattern search: ${message}`);
    return;
  }
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings');
  if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'patternSearch.serverUrl');
}

/** pattern:/{id}.md documents, filled from /v1/patterns/{id}. */
class PatternDocuments implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = path.posix.basename(uri.path, '.md');
    try {
      return patternDocument(await client().pattern(id));
    } catch (error) {
      void reportError(error);
      return `# ${id}\n\n${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}

/** The pattern's file when it is in the workspace (or at its absolute path), else a pattern: document. */
async function patternUri(action: Extract<PickAction, { kind: 'open' }>): Promise<vscode.Uri> {
  const candidates: vscode.Uri[] = [];
  if (action.path && path.isAbsolute(action.path)) candidates.push(vscode.Uri.file(action.path));
  else if (action.path) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) candidates.push(vscode.Uri.joinPath(folder.uri, action.path));
  }
  for (const candidate of candidates) {
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not here; try the next place
    }
  }
  return vscode.Uri.from({ scheme: SCHEME, path: `${action.id}.md` });
}

/** Shows the pattern's Markdown at its best section, and its preview beside it starting at that heading. */
async function openPattern(action: Extract<PickAction, { kind: 'open' }>): Promise<void> {
  const uri = await patternUri(action);
  const document = await vscode.workspace.openTextDocument(uri);
  const line = Math.max(0, Math.min(action.line - 1, document.lineCount - 1));
  const range = new vscode.Range(line, 0, line, 0);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  const heading = action.section ? uri.with({ fragment: headingSlug(action.section) }) : uri;
  await vscode.commands.executeCommand('markdown.showPreviewToSide', heading);
}

type QuickItem = vscode.QuickPickItem & { action?: PickAction };

function toQuickItem(item: PickItem): QuickItem {
  if (item.action.kind === 'separator') return { label: item.label, kind: vscode.QuickPickItemKind.Separator };
  // The server ranks and filters; VS Code's own fuzzy filter would hide good results.
  return { label: item.label, description: item.description, detail: item.detail, alwaysShow: true, action: item.action };
}

async function searchPatterns(): Promise<void> {
  const pick = vscode.window.createQuickPick<QuickItem>();
  pick.title = 'Search patterns';
  pick.placeholder = 'Describe the problem, e.g. "the provider times out at peak"';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let timer: NodeJS.Timeout | undefined;
  let failed = false;

  const update = async (query: string) => {
    if (!query.trim()) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    try {
      const api = client();
      const [suggest, result] = await Promise.all([api.suggest(query), api.search(query, resultLimit())]);
      if (pick.value === query) pick.items = pickItems(suggest, result).map(toQuickItem);
    } catch (error) {
      if (!failed) void reportError(error);
      failed = error instanceof DaemonUnavailableError; // say it once, not on every keystroke
    } finally {
      pick.busy = false;
    }
  };

  pick.onDidChangeValue((value) => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(value), DEBOUNCE_MS);
  });
  pick.onDidAccept(() => {
    const action = pick.selectedItems[0]?.action;
    if (!action || action.kind === 'separator') return;
    if (action.kind === 'query') {
      pick.value = action.query;
      void update(action.query);
      return;
    }
    pick.hide();
    openPattern(action).catch(reportError);
  });
  pick.onDidHide(() => {
    clearTimeout(timer);
    pick.dispose();
  });

  const selection = vscode.window.activeTextEditor?.selection;
  const selected = selection && !selection.isEmpty ? vscode.window.activeTextEditor?.document.getText(selection) : '';
  pick.value = (selected ?? '').replace(/\s+/g, ' ').trim().slice(0, 1024);
  pick.show();
  if (pick.value) await update(pick.value);
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, new PatternDocuments()),
    vscode.commands.registerCommand('patternSearch.search', searchPatterns),
  );
}

export function deactivate(): void {}
