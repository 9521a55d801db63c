/** A captured output stream, standing in for stdout/stderr where the runtime writes program output. */
export class Capture {
  readonly chunks: Uint8Array[] = [];
  write(chunk: Uint8Array): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
