/** A JATS file that cannot be imported; the message names the file and the element at fault. */
export class JatsImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JatsImportError';
  }
}
