// Frontend ids (1..65535): conntrack entries of translated connections carry one, so an id must
// stay with its frontend while the agent runs and across restarts (the pinned sluice_lb_frontends
// map is where a restarted agent reads them back), and a freed id is not handed out again until
// the others have been.

import { SystemError } from '../sys/errors.js';

export const FRONTEND_ID_MAX = 65535;

export class FrontendIds {
  private readonly byKey = new Map<string, number>();
  private readonly used = new Set<number>();
  private cursor = 0;

  /** Ids a running datapath already uses (read from the pinned map on start). */
  seed(entries: Iterable<[string, number]>): void {
    for (const [key, id] of entries) {
      if (id < 1 || id > FRONTEND_ID_MAX || this.used.has(id)) continue;
      this.byKey.set(key, id);
      this.used.add(id);
      this.cursor = Math.max(this.cursor, id);
    }
  }

  /** Ids for exactly these keys: kept where known, new ones after the last handed out. */
  assign(keys: Iterable<string>): ReadonlyMap<string, number> {
    const want = new Set(keys);
    for (const [key, id] of this.byKey) {
      if (!want.has(key)) {
        this.byKey.delete(key);
        this.used.delete(id);
      }
    }
    for (const key of want) {
      if (this.byKey.has(key)) continue;
      if (this.used.size >= FRONTEND_ID_MAX)
        throw new SystemError(
          `more than ${FRONTEND_ID_MAX} Service frontends on this node: no frontend id left for ${key}`,
        );
      do this.cursor = (this.cursor % FRONTEND_ID_MAX) + 1;
      while (this.used.has(this.cursor));
      this.byKey.set(key, this.cursor);
      this.used.add(this.cursor);
    }
    return this.byKey;
  }
}
