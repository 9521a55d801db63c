/**
 * The file-descriptor table: small integers, as in C, naming only what the program created.
 * 0, 1 and 2 are reserved (stdin is not supported; 1 and 2 are the console streams); sockets get
 * the lowest free number from 3 up, and a closed number is reused. Any number not in the table is
 * simply unknown: the program never reaches the host's own files.
 */
import type { Socket } from 'node:net';
import type { Listener } from './listener.js';
import type { SocketStream } from './stream.js';

/** The first fd a socket can get. */
export const FIRST_SOCKET_FD = 3;

/** What an fd stands for; each state change replaces the entry object (so stale async work can tell). */
export type FdEntry =
  /** `socket()` made it; not yet bound or connected. */
  | { readonly state: 'fresh' }
  /** `bind()` in progress. */
  | { readonly state: 'binding' }
  /** Bound and listening (`listen` only confirms it). */
  | { readonly state: 'listening'; readonly listener: Listener; readonly backlogSet: boolean }
  /** `connect()` in progress. */
  | { readonly state: 'connecting'; readonly socket: Socket }
  /** A connected socket, accepted or connected. */
  | { readonly state: 'connected'; readonly stream: SocketStream };

/** The program's fds. */
export class FdTable {
  private readonly entries = new Map<number, FdEntry>();

  /** Gives `entry` the lowest free fd and returns it. */
  open(entry: FdEntry): number {
    let fd = FIRST_SOCKET_FD;
    while (this.entries.has(fd)) fd++;
    this.entries.set(fd, entry);
    return fd;
  }

  /** The entry for `fd`, or undefined if the program has no such fd. */
  get(fd: number): FdEntry | undefined {
    return this.entries.get(fd);
  }

  /** Replaces the entry of an open fd (a state change). */
  replace(fd: number, entry: FdEntry): void {
    this.entries.set(fd, entry);
  }

  /** Frees `fd`; returns its entry. */
  remove(fd: number): FdEntry | undefined {
    const e = this.entries.get(fd);
    this.entries.delete(fd);
    return e;
  }

  /** The open socket fds, ascending. */
  fds(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }
}
