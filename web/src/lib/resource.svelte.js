// Loads an API address and follows it: when the address (or the language, since the
// server's messages are translated) changes, loads again; late replies of an older
// address are dropped. Create it while a component initialises.
import { api } from './api.js';
import { locale } from './i18n.svelte.js';

export class Resource {
  data = $state(null);
  /** What getTag returned when the shown data was asked for (e.g. its page number). */
  tag = $state(null);
  error = $state(null);
  loading = $state(true);
  #seq = 0;
  #url = null;
  #tag = null;

  /** getUrl returns the API path (e.g. "/schools/3"), or null to load nothing;
   * getTag (optional) something to keep with the data it loads, read at the same time. */
  constructor(getUrl, getTag = () => null) {
    $effect(() => {
      const url = getUrl();
      const tag = getTag();
      void locale.lang;
      this.#url = url;
      this.#tag = tag;
      this.#load(url, tag);
    });
  }

  reload() {
    return this.#load(this.#url, this.#tag);
  }

  async #load(url, tag) {
    const seq = ++this.#seq;
    if (url === null) {
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const data = await api.get(url);
      if (seq !== this.#seq) return;
      this.data = data;
      this.tag = tag;
      this.error = null;
    } catch (err) {
      if (seq !== this.#seq) return;
      this.error = err;
      this.data = null;
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}
