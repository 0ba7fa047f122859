/**
 * The last event id seen per stream, kept for the life of the tab. After a drop (network, laptop
 * sleep, server restart) the client subscribes again with `after` = this id, so the server replays
 * exactly what was missed; events at or below it are duplicates and are dropped. Pure: tested alone.
 */
export type Verdict = 'apply' | 'duplicate' | 'gap';

export class StreamCursors {
  private readonly last = new Map<string, number>();

  /** The id to resume after, or null when this stream has never been subscribed in this tab. */
  get(stream: string): number | null {
    return this.last.get(stream) ?? null;
  }

  /**
   * Decides what to do with an incoming event id. `apply`: the next one (or the first one seen);
   * `duplicate`: already applied (a replay overlap), drop it; `gap`: ids were skipped, which the
   * server never does on purpose, so the caller refetches. Apply and gap both advance the cursor.
   */
  accept(stream: string, id: number): Verdict {
    const last = this.last.get(stream);
    if (last !== undefined && id <= last) return 'duplicate';
    this.last.set(stream, id);
    if (last === undefined || id === last + 1) return 'apply';
    return 'gap';
  }

  /**
   * The server's `subscribed` head: a first subscription starts at the head; a resumed one must
   * already be there (the replay came first). Returns true when the resume fell short (refetch).
   */
  subscribed(stream: string, head: number): boolean {
    const last = this.last.get(stream);
    if (last === undefined || head < last) {
      // First time, or the stream's history restarted (a new database): start from its head.
      this.last.set(stream, head);
      return last !== undefined;
    }
    if (head > last) {
      this.last.set(stream, head);
      return true;
    }
    return false;
  }

  /** After a `resync`: the data is reloaded over REST; live events continue after `head`. */
  reset(stream: string, head: number): void {
    this.last.set(stream, head);
  }

  /** Forgets a stream (access denied or no longer wanted): a later subscribe starts from now. */
  forget(stream: string): void {
    this.last.delete(stream);
  }
}
