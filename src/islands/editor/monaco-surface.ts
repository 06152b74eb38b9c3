/** The Monaco surface: markers from our diagnostics, quick fixes as code actions, theme sync. */

import { editorSchema, type HoverTerm } from '../../core/validation/editor-schema.ts';
import { applyFix, type Diagnostic } from '../../core/validation/index.ts';
import type { TextSurface } from './surface.ts';

type Monaco = typeof import('./monaco-environment.ts');

const SCHEMA_URI = 'https://ecs-academy.example/schemas/RegisterTaskDefinitionRequest.json';
let languageConfigured = false;
/** Diagnostics by model, for the code action provider (one provider serves every editor). */
const diagnosticsByModel = new Map<string, readonly Diagnostic[]>();

function effectiveTheme(): 'vs' | 'vs-dark' {
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen ? chosen === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'vs-dark' : 'vs';
}

function configureLanguage({ monaco, jsonDefaults }: Monaco, glossary: Readonly<Record<string, HoverTerm>>) {
  if (languageConfigured) return;
  languageConfigured = true;
  // Every diagnostic comes from the core validator, so the editor never disagrees with the CLI or
  // the simulated cluster; Monaco's JSON service only provides completion, hover and formatting.
  jsonDefaults.setDiagnosticsOptions({
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [
      {
        uri: SCHEMA_URI,
        fileMatch: ['task-definition-*.json'],
        schema: editorSchema(glossary, window.location.origin),
      },
    ],
  });
  monaco.languages.registerCodeActionProvider('json', {
    provideCodeActions(model, _range, context) {
      const diagnostics = diagnosticsByModel.get(model.uri.toString()) ?? [];
      const actions = context.markers.flatMap((marker) => {
        const d = diagnostics.find(
          (x) =>
            x.code === (typeof marker.code === 'string' ? marker.code : marker.code?.value) &&
            model.getPositionAt(x.offset).lineNumber === marker.startLineNumber &&
            model.getPositionAt(x.offset).column === marker.startColumn,
        );
        return (d?.fixes ?? []).map((fix) => ({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: fix === d?.fixes?.[0],
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: model.getFullModelRange(), text: applyFix(model.getValue(), fix) },
              },
            ],
          },
        }));
      });
      return { actions, dispose() {} };
    },
  });
}

export function monacoSurface(
  loaded: Monaco,
  host: HTMLElement,
  initial: string,
  key: string,
  glossary: Readonly<Record<string, HoverTerm>> = {},
): TextSurface {
  const { monaco } = loaded;
  configureLanguage(loaded, glossary);
  const uri = monaco.Uri.parse(`inmemory://ecs-academy/task-definition-${key}.json`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(initial, 'json', uri);
  model.setValue(initial);
  const editor = monaco.editor.create(host, {
    model,
    theme: effectiveTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    tabSize: 2,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    ariaLabel: 'Task definition (JSON). Problems are listed below the editor.',
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
  });

  const syncTheme = () => monaco.editor.setTheme(effectiveTheme());
  const themeObserver = new MutationObserver(syncTheme);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', syncTheme);

  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  return {
    getText: () => model.getValue(),
    setText(text) {
      editor.pushUndoStop();
      editor.executeEdits('ecs-academy', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    onChange: (listener) => void model.onDidChangeContent(listener),
    showDiagnostics(diagnostics, learnMore) {
      diagnosticsByModel.set(uri.toString(), diagnostics);
      monaco.editor.setModelMarkers(
        model,
        'ecs-academy',
        diagnostics.map((d) => {
          const start = model.getPositionAt(d.offset);
          const end = model.getPositionAt(d.offset + Math.max(d.length, 1));
          const href = learnMore(d);
          return {
            severity: severity[d.severity],
            message: d.message,
            code: href ? { value: d.code, target: monaco.Uri.parse(href) } : d.code,
            source: 'ECS Academy',
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          };
        }),
      );
    },
    reveal(offset, length) {
      const start = model.getPositionAt(offset);
      const end = model.getPositionAt(offset + length);
      editor.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
      editor.revealRangeInCenter(new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column));
      editor.focus();
    },
    format: () => void editor.getAction('editor.action.formatDocument')?.run(),
    dispose() {
      themeObserver.disconnect();
      media.removeEventListener('change', syncTheme);
      diagnosticsByModel.delete(uri.toString());
      editor.dispose();
      model.dispose();
    },
  };
}
