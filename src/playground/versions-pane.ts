/**
 * The versions pane: the draft's name, saving the draft as a named version,
 * the history of versions (each can be restored), the pickers that choose two
 * to compare (a version, or the draft as it stands), and the versions
 * exported to a file and imported from one. The versions themselves are
 * `versions-controller.ts`'s; what each action does is the host's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from './i18n.js';
import type { VersionsController } from './versions-controller.js';

/** The value of the draft as it stands in the Compare pickers. */
const DRAFT = 'draft';

export interface VersionsPane {
  readonly kept: VersionsController;
  readonly draftName: string;
  /** The version form was sent: the name is in `#version-name`. */
  readonly save: () => void;
  readonly nameDraft: (name: string) => void;
  readonly restore: (id: string) => void;
  /** The compare form was sent: the two ids are in `#compare-older` and `#compare-newer`. */
  readonly compare: () => void;
  readonly exportVersions: () => void;
  readonly importVersions: (file: File) => void;
}

export function renderVersions(pane: VersionsPane, t: Strings): TemplateResult {
  const { kept, restore } = pane;
  return html`<section class="pane versions" part="versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">${t.versions}</h2>
      ${kept.problem ? html`<p class="stale-note" id="store-problem">${t.storeProblem(kept.problem)}</p>` : nothing}
      <form class="version-form" @submit=${(e: Event) => { e.preventDefault(); pane.save(); }}>
        <label for="draft-name">${t.draftName}</label>
        <input id="draft-name" .value=${pane.draftName} placeholder=${t.untitled} @change=${(e: Event) => pane.nameDraft((e.target as HTMLInputElement).value)} />
        <label for="version-name">${t.versionName}</label>
        <input id="version-name" placeholder=${t.versionPlaceholder} />
        <button class="button" id="save-version" type="submit">${t.saveVersion}</button>
      </form>
      <h3 id="history-heading">${t.history}</h3>
      ${kept.versions.length === 0
        ? html`<p class="hint">${t.noVersions}</p>`
        : html`<ul class="history" aria-labelledby="history-heading">${kept.versions.map((v) => html`<li class="version" data-id=${v.id}>
            <span class="version-name">${v.name}</span>
            <span class="version-draft">${v.draft}</span>
            <time datetime=${v.saved}>${t.savedAt(new Date(v.saved))}</time>
            <button class="button restore" aria-label=${t.restoreLabel(v.name, v.draft)} @click=${() => restore(v.id)}>${t.restore}</button>
          </li>`)}</ul>`}
      ${renderComparePickers(pane, t)}
      <div class="actions">
        <button class="button" id="export-versions" ?disabled=${kept.versions.length === 0} @click=${pane.exportVersions}>${t.exportVersions}</button>
        <label class="button" for="import-versions">${t.importVersions}</label>
        <input type="file" id="import-versions" class="visually-hidden" accept=".json,application/json" @change=${(e: Event) => importChosen(e, pane)} />
      </div>
    </section>`;
}

function renderComparePickers({ kept, compare }: VersionsPane, t: Strings): TemplateResult {
  if (kept.versions.length === 0) return html`<p class="hint">${t.compareNeedsTwo}</p>`;
  const options = (selected: string) => html`<option value=${DRAFT} ?selected=${selected === DRAFT}>${t.currentDraft}</option>
      ${kept.versions.map((v) => html`<option value=${v.id} ?selected=${v.id === selected}>${v.name} — ${v.draft}</option>`)}`;
  return html`<form class="compare-form" @submit=${(e: Event) => { e.preventDefault(); compare(); }}>
      <label for="compare-older">${t.compareOlder}</label>
      <select id="compare-older">${options(kept.versions[0].id)}</select>
      <label for="compare-newer">${t.compareNewer}</label>
      <select id="compare-newer">${options(DRAFT)}</select>
      <button class="button" id="compare" type="submit">${t.compare}</button>
    </form>`;
}

/** The file picked for import; the picker is emptied, so picking the same file again imports it again. */
function importChosen(event: Event, pane: VersionsPane): void {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (file) pane.importVersions(file);
}
