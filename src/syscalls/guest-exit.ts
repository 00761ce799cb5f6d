/** Thrown by exit / exit_group: the guest is done, with this exit status (0..255). */
export class GuestExit extends Error {
  constructor(readonly status: number) {
    super(`guest exited with status ${status}`);
  }
}
