/**
 * `<credit-playground>`: where legal drafts credit rules. The class only —
 * registering the tag is `credit-playground.ts`, so importing this file has
 * no side effects. It is a thin shell over the public API: one `compile()`
 * per frame of typing feeds the editor's underlines, the problems list and
 * the live `<credit-calculator>` (by tag name, handed the compiled `Program`)
 * in that frame; the examples and the clause follow in idle time, and only
 * for the panes in view. While the text has errors, the panes keep the last
 * program without errors and say so. Each keystroke leaves
 * `performance.measure` entries a benchmark can read (`MEASURES`).
 *
 * This class holds the element's properties, its lifecycle and the wiring:
 * the panes are render functions (`*-pane.ts`, `toolbar.ts`, `status.ts`,
 * `embed-dialog.ts`) and each concern with state of its own is a Lit
 * controller (`*-controller.ts`: the editor, the compile per frame, the
 * worker, idle-time panes, the stored draft, versions, comparison, share
 * link, clause links).
 *
 * Everything that comes from the rules or from a link — names, labels,
 * messages, clause text — is rendered through Lit text bindings or
 * `textContent`, never as HTML.
 *
 * A large draft (`BACKGROUND_LENGTH` characters and more) is compiled in a
 * worker instead (`background-compile.ts`), so typing never waits for it:
 * until the newest text's answer comes, the problems pane says it is
 * checking, and an answer for an older text is never shown.
 */
import type { EditorView } from '@codemirror/view';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { compile } from '../index.js';
import type { Diagnostic, EvaluationResult, ExampleResult, Program } from '../index.js';
import { BACKGROUND_LENGTH, type Compiled } from './background-compile.js';
import { CheckingController, type Edit } from './checking-controller.js';
import { ClauseLinksController } from './clause-links-controller.js';
import { clauseParts, type ClausePart } from './clause-links.js';
import { renderClause } from './clause-pane.js';
import { CompareController } from './compare-controller.js';
import { renderCompare, sideOf, type Side } from './compare-pane.js';
import { styles } from './credit-playground.styles.js';
import { jumpTo, offsetOf, sortDiagnostics } from './diagnostics.js';
import { DraftsController } from './drafts-controller.js';
import { EditorController } from './editor-controller.js';
import { completionData, fixContext, hoverData } from './editor-data.js';
import { historyJSON } from './editor.js';
import { embedCode, renderEmbedDialog, type Embed } from './embed-dialog.js';
import { renderExamples } from './examples-pane.js';
import { clauseDocxFile, creditFile, saveFile, toClipboard } from './file-actions.js';
import { langOf, strings, type Lang, type Strings } from './i18n.js';
import { KeystrokeController, measured, MEASURES } from './keystroke-controller.js';
import { LazyPanesController, type LazyPane } from './lazy-panes-controller.js';
import { previewKey } from './preview-key.js';
import { changedValues, previewValue, renderPreview, type CalculatorChange } from './preview-pane.js';
import { renderProblems } from './problems-pane.js';
import { SharedLinkController } from './shared-link-controller.js';
import { renderStatus, type Message, type Status } from './status.js';
import { fetchTemplate, starterSource, templateIds } from './templates.js';
import { renderToolbar } from './toolbar.js';
import { VersionsController } from './versions-controller.js';
import { renderVersions } from './versions-pane.js';
import type { Version } from './versions.js';

/** What the last compile of the current text found. */
interface Snapshot {
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly program?: Program;
}

export interface PlaygroundChangeDetail {
  readonly source: string;
  /** The text compiled without errors: the preview shows it. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

type CalculatorElement = HTMLElement & { program?: Program; values?: Record<string, unknown>; result?: EvaluationResult; updateComplete?: Promise<unknown> };

/** The measures' names, for benchmarks. */
export { MEASURES };

/**
 * A drafting playground for credit rules: editor, problems, live preview,
 * examples, clause text, templates, share link, embed code and download.
 *
 * @summary Editor and live preview for credit rules.
 *
 * @fires playground-change - After the user's edit was compiled. `detail`: `{ source, ok, diagnostics }`. Never fired for property changes.
 *
 * @csspart editor - The editor's frame.
 * @csspart problems - The problems pane.
 * @csspart preview - The live preview pane.
 * @csspart examples - The examples pane.
 * @csspart clause - The clause pane.
 *
 * @cssprop [--playground-accent=#2354c4] - Accent colour (falls back to `--credit-accent`).
 * @cssprop [--playground-surface=#ffffff] - Background (falls back to `--credit-surface`).
 * @cssprop [--playground-text=#1b2230] - Text colour (falls back to `--credit-text`).
 * @cssprop [--playground-muted=#535b69] - Secondary text.
 * @cssprop [--playground-border=#d6dbe4] - Borders.
 * @cssprop [--playground-danger=#b3261e] - Errors and the stale marker.
 * @cssprop [--playground-mono=ui-monospace] - The editor's font.
 */
export class CreditPlayground extends LitElement {
  static override styles = styles;

  /** Interface language, `en` or `de`; defaults from the closest `lang` attribute. */
  @property({ reflect: true }) locale?: Lang;

  /** Language of the clause pane, `en` or `de`; until chosen, the interface's language. */
  @property({ attribute: 'clause-lang', reflect: true }) clauseLang?: Lang;

  /** Local-storage key of the draft; empty keeps no draft. */
  @property({ attribute: 'storage-key' }) storageKey = 'credit-rules:playground:draft';

  /** Where the shipped `.credit` templates are fetched from. */
  @property({ attribute: 'templates-base' }) templatesBase = '/examples/';

  /** The widget script URL written into the embed code. */
  @property({ attribute: 'widget-src' }) widgetSrc = 'https://cdn.jsdelivr.net/npm/credit-rules/dist/credit-calculator.js';

  /** Do not read a shared draft from the page's URL hash. */
  @property({ type: Boolean, attribute: 'ignore-hash' }) ignoreHash = false;

  @state() private snapshot: Snapshot = { source: '', diagnostics: [] };
  @state() private lastGood?: { source: string; program: Program };
  /** The program the calculator shows: replaced only when the preview would change (see `preview-key.ts`). */
  @state() private preview?: { key: string; program: Program };
  @state() private examples?: { program: Program; results: ExampleResult[] };
  @state() private clause?: { program: Program; lang: Lang; parts: readonly ClausePart[] };
  /** The current draft's name ('' until named). */
  @state() private draftName = '';
  /** The last message, said in the language the interface is in when it shows (so switching it translates the message too). */
  @state() private status?: Status;
  @state() private previewValues: Record<string, unknown> = {};
  @state() private embed?: Embed;
  @state() private template: string = templateIds[0];

  @query('.editor') private editorHost!: HTMLElement;
  @query('credit-calculator') private calculator?: CalculatorElement;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('#version-name') private versionNameInput?: HTMLInputElement;
  @query('#compare-older') private compareOlder?: HTMLSelectElement;
  @query('#compare-newer') private compareNewer?: HTMLSelectElement;

  /** One compile per frame of typing, and the measures benchmarks read. */
  private readonly keystrokes = new KeystrokeController(this, () => this.refresh(true));

  /** The CodeMirror editor, its underlines and its words in the interface's language. */
  private readonly textEditor = new EditorController(this, {
    speech: () => ({ t: this.t, lang: this.language }),
    completion: () => completionData(this),
    hover: () => hoverData(this, this.t, this.language, (name, symbol) => previewValue(name, symbol, {
      program: this.lastGood?.program, result: this.calculator?.result, values: this.previewValues, userInputs: this.userInputs,
    })),
    fixes: () => fixContext(this),
    format: () => this.formatDraft(),
    changed: () => this.keystrokes.schedule(),
    selected: () => this.links.followCursor(),
  });

  /** The named versions, kept in IndexedDB (or memory) under the storage key. */
  private readonly kept = new VersionsController(this, () => (this.storageKey ? `${this.storageKey}:versions` : ''));

  /** Two versions compared in the Compare pane. */
  private readonly comparison = new CompareController(this);

  /** The sentences of the clause and the lines of the rules they come from, marked together. */
  private readonly links = new ClauseLinksController(this, () => this.view);

  /** A large text is compiled in the worker: whether it is being checked, and its answer. */
  private readonly checks = new CheckingController(this, () => this.view?.state.doc.toString(), (source, result, edit) => this.show(source, result, edit));

  /** A draft shared by a link in the page's address. */
  private readonly shared = new SharedLinkController(this, {
    ignored: () => this.ignoreHash,
    source: () => this.source,
    open: (source) => this.replace(source, false, (t) => t.sharedOpened),
    broken: (reason) => void (this.status = { say: (t) => t.sharedBroken(reason) }),
  });

  /** The examples and the clause, worked out in idle time for the panes in view. */
  private readonly panes = new LazyPanesController(this, (inView) => this.fillPanes(inView));

  /** The draft in local storage, and other tabs' drafts. */
  private readonly drafts = new DraftsController(this, {
    name: () => this.draftName,
    history: () => (this.view ? historyJSON(this.view.state) : undefined),
    starter: starterSource,
    pending: () => this.keystrokes.pending,
    arrived: (draft, conflict) => {
      if (conflict) return void (this.status = { say: (t) => t.changedElsewhere });
      this.draftName = draft.name ?? '';
      this.replace(draft.source, false, (t) => t.updatedElsewhere);
    },
  });

  private fileName = 'credit-rules';
  /** Values the user set in the preview, kept when the program changes. */
  private userInputs: Record<string, unknown> = {};
  /** Counts the templates asked for: an answer to an older request is dropped. */
  private templateToken = 0;
  /** Text a host set before the first render. */
  private pendingSource?: string;
  private readyResolve!: () => void;

  /** Resolves once the draft (saved, shared or starter) is in the editor and compiled. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.readyResolve = resolve));

  private get view(): EditorView | undefined {
    return this.textEditor.view;
  }

  /** The editor, for hosts and benchmarks that drive it directly. */
  get editor(): EditorView | undefined {
    return this.view;
  }

  /** The current text. Setting it replaces the draft (undoable) and fires no event. */
  get source(): string {
    return this.view?.state.doc.toString() ?? this.snapshot.source;
  }

  set source(text: string) {
    // Before the editor exists, the text waits for it (and wins over the stored draft).
    if (this.view) this.replace(text, false);
    else this.pendingSource = text;
  }

  /** The program the preview shows: the last text that compiled without errors. */
  get program(): Program | undefined {
    return this.lastGood?.program;
  }

  /** The current text has errors, so the preview, examples and clause show an older version. */
  get stale(): boolean {
    return !this.snapshot.program && this.lastGood !== undefined;
  }

  /** The diagnostics of the current text. */
  get diagnostics(): readonly Diagnostic[] {
    return this.snapshot.diagnostics;
  }

  private get language(): Lang {
    // `de-DE`, `de-CH` are German too.
    return langOf(this.locale ?? this.closest('[lang]')?.getAttribute('lang'));
  }

  private get clauseLanguage(): Lang {
    return this.clauseLang ?? this.language;
  }

  private get t(): Strings {
    return strings(this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (the controllers watch the panes again): a text whose compile was dropped on leaving is compiled now.
    if (this.hasUpdated && this.source !== this.snapshot.source) this.keystrokes.schedule();
  }

  override disconnectedCallback(): void {
    // The last keystroke's compile, if its frame has not come; then the controllers stop the worker and save the draft.
    if (this.keystrokes.pending) this.refresh(true);
    this.keystrokes.cancel();
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    const initial = this.snapshot.source;
    // The undo history saved with the draft, when the editor opens that very draft.
    const stored = this.drafts.stored;
    const history = this.pendingSource === undefined && stored?.source === initial ? stored.history : undefined;
    this.textEditor.open(this.editorHost, this.renderRoot as ShadowRoot, initial, history);
    this.textEditor.underline(this.snapshot.diagnostics);
    this.panes.observe();
    void Promise.all([this.shared.open(), this.kept.load()]).finally(() => this.readyResolve());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first draft is compiled before the first render, so the panes show it at once.
    if (!this.hasUpdated) {
      const stored = this.drafts.load();
      this.draftName = stored?.name ?? '';
      this.analyze(this.pendingSource ?? stored?.source ?? starterSource);
    }
    if (changed.has('locale')) this.textEditor.relabel(this.snapshot.diagnostics);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // `lastGood` is private, so it is not a key of `PropertyValues<this>`.
    if ((changed as Map<PropertyKey, unknown>).has('lastGood') || changed.has('clauseLang') || changed.has('locale')) this.panes.schedule();
  }

  // ——— compiling ———

  /**
   * Compiles the editor's text and shows the result: underlines and problems
   * at once, the preview with the new program (or, with errors, the last
   * good one, marked stale). Examples and clause follow in a later task so
   * they never hold up the keystroke's frame. A large text goes to the
   * worker, and its result is shown when it comes.
   */
  private refresh(edited: boolean): void {
    const view = this.view;
    if (!view) return;
    const editedAt = this.keystrokes.takeEditedAt();
    const source = view.state.doc.toString();
    // An edit undone before its frame (type, then delete) leaves nothing to do, and a text in the worker is forgotten.
    if (source === this.snapshot.source) return this.checks.stop();
    if (edited) {
      this.shared.edited();
      // Saved whether or not its compile has come back.
      this.drafts.changed(source);
      this.panes.schedule();
    }
    const start = performance.now();
    if (source.length >= BACKGROUND_LENGTH) return this.checks.check(source, { edited, editedAt, start });
    this.checks.stop();
    this.show(source, compile(source), { edited, editedAt, start });
  }

  /** Shows a compile of `source`, the editor's text. */
  private show(source: string, result: Compiled, { edited, editedAt, start }: Edit): void {
    const { diagnostics, program } = this.analyze(source, result);
    this.textEditor.underline(diagnostics);
    this.keystrokes.measure(start, editedAt, async () => {
      await this.updateComplete;
      await this.calculator?.updateComplete;
    });
    if (edited) {
      this.dispatchEvent(new CustomEvent<PlaygroundChangeDetail>('playground-change', {
        detail: { source, ok: !!program, diagnostics }, bubbles: true, composed: true,
      }));
    }
  }

  /** Compiles `source` (unless its result is given) into the panes' state. */
  private analyze(source: string, result: Compiled = compile(source)): Snapshot {
    const diagnostics = sortDiagnostics(result.diagnostics);
    this.snapshot = { source, diagnostics, ...(result.program ? { program: result.program } : {}) };
    if (result.program) {
      this.lastGood = { source, program: result.program };
      const key = result.previewKey ?? previewKey(result.program);
      if (key !== this.preview?.key) {
        this.preview = { key, program: result.program };
        this.previewValues = { ...this.userInputs };
      }
    }
    return this.snapshot;
  }

  /**
   * In idle time (`panes.schedule()`): the draft into storage, and the
   * examples and clause text of the program now shown, for the panes in view.
   */
  private fillPanes(inView: ReadonlySet<LazyPane>): void {
    this.drafts.save();
    const program = this.lastGood?.program;
    if (!program) return;
    const lang = this.clauseLanguage;
    if (inView.has('examples') && this.examples?.program !== program) {
      this.examples = measured(MEASURES.examples, () => ({ program, results: program.runExamples({ lang }) }));
    }
    if (inView.has('clause') && (this.clause?.program !== program || this.clause.lang !== lang)) {
      this.clause = measured(MEASURES.clause, () => ({ program, lang, parts: clauseParts(program, lang) }));
    }
  }

  // ——— the draft ———

  /** Replaces the whole text as one undoable change. */
  private replace(text: string, announce: boolean, message?: Message): void {
    const view = this.view;
    if (!view) return;
    // Another document: with errors, it has no last good version to show, least of all the previous document's.
    if (text !== this.snapshot.source) this.lastGood = this.preview = this.examples = this.clause = undefined;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.replace', scrollIntoView: true });
    this.keystrokes.cancel();
    this.refresh(announce);
    if (message) this.status = { say: message };
  }

  /**
   * Starts a new, empty draft. The previous draft is kept as a version (unless
   * it is empty or already saved as one), and Ctrl+Z brings it back too.
   */
  async startFresh(): Promise<void> {
    const kept = await this.keepDraft(this.t.keptBeforeFresh);
    this.drafts.clear();
    this.fileName = 'credit-rules';
    this.draftName = '';
    this.replace('', true, (t) => t.startedEmpty(kept));
    this.view?.focus();
  }

  /** Opens a shipped template (`uptime-tiers`, …) as the new draft. */
  async openTemplate(id: string): Promise<boolean> {
    const token = ++this.templateToken;
    const result = await fetchTemplate(this.templatesBase, id).catch((error: unknown) => ({ ok: false, reason: String((error as Error)?.message ?? error) }) as const);
    // Two quick clicks: only the last template asked for opens.
    if (token !== this.templateToken) return false;
    if (!result.ok) {
      const reason = result.reason;
      this.status = { say: (t) => t.templateFailed(t.templateNames[id] ?? id, reason) };
      return false;
    }
    const name = this.t.templateNames[id] ?? id;
    const kept = await this.keepDraft(this.t.keptBefore(name));
    if (token !== this.templateToken) return false;
    this.fileName = id;
    this.draftName = name;
    this.replace(result.source, true, (t) => t.templateOpenedAsDraft(t.templateNames[id] ?? id, kept));
    return true;
  }

  // ——— versions ———

  /** Saves the draft as it stands as a named version; resolves to the version, or undefined when it could not be kept. */
  async saveVersion(name?: string): Promise<Version | undefined> {
    const t = this.t;
    const given = (name ?? this.versionNameInput?.value ?? '').trim();
    const version = await this.kept.add({ draft: this.draftName || t.untitled, name: given || t.versionDefaultName(t.savedAt(new Date())), source: this.source });
    if (!version) return void (this.status = { say: (t) => t.versionFailed });
    if (this.versionNameInput) this.versionNameInput.value = '';
    this.status = { say: (t) => t.versionSaved(version.name) };
    return version;
  }

  /**
   * Before the draft is replaced by another: keeps it as a version named
   * `name`, unless it is empty, the sample, or the same as its draft's newest
   * version. Resolves to the name it was kept under.
   */
  private async keepDraft(name: string): Promise<string | undefined> {
    const source = this.source;
    const draft = this.draftName || this.t.untitled;
    if (source.trim() === '' || source === starterSource || this.kept.newestOf(draft)?.source === source) return undefined;
    return (await this.kept.add({ draft, name, source }))?.name;
  }

  /** Opens a saved version as the draft (undoable). */
  restoreVersion(id: string): void {
    const version = this.kept.find(id);
    if (!version) return;
    this.draftName = version.draft;
    this.replace(version.source, true, (t) => t.restored(version.name));
    this.view?.focus();
  }

  private readonly exportVersions = (): void => {
    const count = this.kept.versions.length;
    saveFile(this.renderRoot, `${this.fileName}-versions.json`, new Blob([this.kept.file()], { type: 'application/json' }));
    this.status = { say: (t) => t.exported(count) };
  };

  /** Adds the versions of a file; a file with any problem adds nothing and says what is wrong. */
  async importVersions(file: File): Promise<void> {
    const result = await this.kept.import(await file.text());
    this.status = result.ok ? { say: (t) => t.imported(result.added, result.known) } : { say: (t) => t.importFailed(file.name, result.problem) };
  }

  private readonly nameDraft = (name: string): void => {
    this.draftName = name.trim();
    this.drafts.changed(this.source);
    this.panes.schedule();
  };

  /** Compares the two versions chosen in the pickers (older first); says why not when it cannot. */
  async compareChosen(older = this.compareOlder?.value, newer = this.compareNewer?.value): Promise<void> {
    if (older === undefined || newer === undefined) return;
    if (older === newer) return void (this.status = { say: (t) => t.compareSame });
    const sides = [older, newer].map((id) => this.side(id));
    const broken = sides.find((side) => !('program' in side));
    if (broken) return void (this.status = { say: (t) => t.compareErrors(broken.name) });
    await this.comparison.show(sides[0] as Side, sides[1] as Side);
  }

  private side(id: string): Side | { name: string } {
    const version = this.kept.find(id);
    return sideOf(version?.name ?? this.t.currentDraft, version?.source ?? this.source);
  }

  // ——— actions ———

  /** Lays the draft out in the one canonical layout; says why not when the text has syntax errors. */
  private formatDraft(): void {
    const said = this.textEditor.format();
    if (said) this.status = { say: said };
  }

  private readonly chooseClauseLang = (lang: Lang): void => {
    this.clauseLang = lang;
  };

  /** Saves the clause, in the clause pane's language, as a Word document (the writer is loaded on first use). */
  private readonly downloadDocx = async (): Promise<void> => {
    const program = this.lastGood?.program;
    if (!program) return;
    const lang = this.clauseLanguage;
    const file = `${this.fileName}-${lang}.docx`;
    try {
      const blob = await clauseDocxFile(program, lang, () => (this.examples?.program === program ? this.examples.results : undefined));
      saveFile(this.renderRoot, file, blob);
      this.status = { say: (t) => t.docxSaved(file) };
    } catch {
      this.status = { say: (t) => t.docxFailed };
    }
  };

  /** A link that opens exactly this draft, or undefined when it would be too long. */
  shareLink(): Promise<string | undefined> {
    return this.shared.link(this.source);
  }

  private readonly jumpToOffset = (offset: number): void => {
    if (this.view) jumpTo(this.view, offset);
  };

  /** Moves the cursor to a 1-based line and column and focuses the editor. */
  jumpTo(line: number, column = 1): void {
    if (this.view) jumpTo(this.view, offsetOf(this.view.state, line, column));
  }

  private readonly jumpToLine = (line: number): void => this.jumpTo(line);

  private async onShare(): Promise<void> {
    const link = await this.shareLink().catch(() => null);
    if (link === null) return void (this.status = { say: (t) => t.shareFailed });
    if (link === undefined) return void (this.status = { say: (t) => t.shareTooLong });
    const copied = await toClipboard(link);
    this.status = { say: (t) => (copied ? t.shareCopied : t.shareManual), link };
  }

  private onEmbed(): void {
    const options = { widgetSrc: this.widgetSrc, locale: this.language };
    // Only rules without errors can be embedded: the last version that had none.
    const source = this.lastGood?.source;
    if (source === undefined) return void (this.status = { say: (t) => t.embedNeedsRules });
    this.embed = embedCode(source, `${this.fileName}.credit`, options);
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async copy(text: string): Promise<void> {
    const copied = await toClipboard(text);
    this.status = { say: (t) => (copied ? t.copied : t.copyFailed) };
  }

  /** Saves the text (the draft as it stands, unless given) as a `.credit` file. */
  private download(text = this.source): void {
    saveFile(this.renderRoot, `${this.fileName}.credit`, creditFile(text));
  }

  /** Keeps the values the user changed in the preview. */
  private readonly onCalculatorChange = (event: CalculatorChange): void => {
    this.userInputs = changedValues(event, this.preview?.program);
  };

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div class="root" lang=${this.language}>
      ${renderToolbar({
        template: this.template, lang: this.language,
        chooseTemplate: (id) => (this.template = id), openTemplate: () => void this.openTemplate(this.template),
        format: () => this.formatDraft(), share: () => void this.onShare(), embed: () => this.onEmbed(), download: () => this.download(),
        startFresh: () => void this.startFresh(), switchLanguage: () => (this.locale = this.language === 'en' ? 'de' : 'en'),
      }, t)}
      ${renderStatus(this.status, t)}
      <div class="layout">
        <section class="pane editor-pane" aria-labelledby="editor-heading">
          <h2 id="editor-heading">${t.editor}</h2>
          <div class="editor" part="editor"></div>
          <p class="hint" id="editor-hint">${t.editorHint}</p>
        </section>
        <div class="side">
          ${renderProblems({ diagnostics: this.snapshot.diagnostics, checking: this.checks.checking, lang: this.language, jump: this.jumpToOffset }, t)}
          ${renderVersions({
            kept: this.kept, draftName: this.draftName, save: () => void this.saveVersion(), nameDraft: this.nameDraft, restore: (id) => this.restoreVersion(id),
            compare: () => void this.compareChosen(), exportVersions: this.exportVersions, importVersions: (file) => void this.importVersions(file),
          }, t)}
          ${renderCompare(this.comparison.compared, this.language, () => this.comparison.close(), t)}
          ${renderPreview({ program: this.lastGood ? this.preview!.program : undefined, values: this.previewValues, stale: this.stale, lang: this.language, changed: this.onCalculatorChange }, t)}
          ${renderExamples({ results: this.examples?.results ?? [], stale: this.stale, lang: this.language, jumpTo: this.jumpToLine }, t)}
          ${renderClause({ clause: this.clause, lang: this.clauseLanguage, stale: this.stale, links: this.links, choose: this.chooseClauseLang, downloadDocx: this.downloadDocx }, t)}
        </div>
      </div>
      ${renderEmbedDialog({
        embed: this.embed, stale: this.embed !== undefined && this.embed.source !== this.source, copy: (text) => void this.copy(text), download: (text) => this.download(text),
        close: () => this.dialog?.close(), closed: () => (this.embed = undefined),
      }, t)}
    </div>`;
  }
}
