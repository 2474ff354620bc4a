// The state of one form of a club's page (issue 8): sends a write, keeps the refusal's
// problems and the errors by field to show at the fields, and what was done.
import { request } from './api.js';

export class ClubForm {
  failure = $state(null);
  problems = $state([]);
  errors = $state({});
  busy = $state(false);
  done = $state(false);

  /** Sends `body` to `path` with `method`; calls onok(reply) when it went through.
   * Returns the reply, or null after a refusal. */
  async send(method, path, body, onok) {
    this.failure = null;
    this.problems = [];
    this.errors = {};
    this.done = false;
    this.busy = true;
    try {
      const reply = await request(method, path, body);
      this.done = true;
      onok?.(reply);
      return reply;
    } catch (error) {
      this.failure = error;
      this.problems = error.problems();
      this.errors = error.fieldErrors();
      return null;
    } finally {
      this.busy = false;
    }
  }
}
