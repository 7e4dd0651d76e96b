// The app's own Lit element: the widget must share this copy of Lit (the test
// checks that litHtmlVersions has one entry).
import { html, LitElement } from 'lit';

class AppBanner extends LitElement {
  render() {
    return html`<p>An app that uses Lit itself</p>`;
  }
}
customElements.define('app-banner', AppBanner);
