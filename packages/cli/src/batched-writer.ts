/**
 * Collects output and writes it in ~64 KiB chunks, waiting for 'drain' when the stream is full:
 * fewer write() calls (measured to matter, DESIGN.md) and constant memory on a slow reader.
 * Text is encoded (UTF-8) straight into the chunk as it arrives: one copy per byte, where joining
 * the strings and then encoding the result made two and cost about as much as writing the file.
 * If the reader goes away (EPIPE when piped into `head`), it stops: `closed` turns true and later
 * writes are dropped, so the command can end quietly instead of waiting forever for 'drain'.
 */
export class BatchedWriter {
  private chunk: Buffer;
  private used = 0;
  closed = false;
  private error: Error | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly threshold = 64 * 1024,
  ) {
    // Room for a full chunk plus the largest text that may still arrive before it is sent.
    this.chunk = Buffer.allocUnsafe(2 * threshold);
    stream.on('error', (e: Error) => {
      this.error = e;
      this.closed = true;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed) return;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: check for room before encoding.
    const worst = text.length * 3;
    if (this.used + worst > this.chunk.length) {
      await this.flush();
      if (worst > this.chunk.length) {
        await this.send(text);
        return;
      } // larger than a chunk: as it is
    }
    this.used += this.chunk.write(text, this.used);
    if (this.used >= this.threshold) await this.flush();
  }

  /** Bytes already encoded (a batch built elsewhere): sent as they are, after what is pending. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    if (this.closed) return;
    await this.flush();
    await this.send(bytes);
  }

  async flush(): Promise<void> {
    if (this.used === 0 || this.closed) return;
    const data = this.chunk.subarray(0, this.used);
    // A fresh chunk: the stream may hold `data` until the OS has written it.
    this.chunk = Buffer.allocUnsafe(2 * this.threshold);
    this.used = 0;
    await this.send(data);
  }

  private async send(data: Uint8Array | string): Promise<void> {
    if (this.closed) return;
    if (!this.stream.write(data)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          resolve();
        };
        this.stream.once('drain', done);
        this.stream.once('error', done);
      });
    }
  }

  /** The stream's error, unless it is the reader closing the pipe (which is not a failure). */
  failure(): Error | undefined {
    const code = (this.error as NodeJS.ErrnoException | undefined)?.code;
    return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' ? undefined : this.error;
  }
}

/**
 * Text encoded (UTF-8) into one growing buffer: a batch of output built away from the stream, e.g.
 * in a worker thread. The buffer is never from Node's shared pool, so it can be transferred.
 */
export class ByteBatch {
  private bytes: Buffer;
  private used = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1024, expectedBytes));
  }

  append(text: string): void {
    const worst = text.length * 3;
    if (this.used + worst > this.bytes.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.used + worst, 2 * this.bytes.length));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    this.used += this.bytes.write(text, this.used);
  }

  /** The bytes so far: a view of the batch's own ArrayBuffer. */
  result(): Buffer {
    return this.bytes.subarray(0, this.used);
  }
}
