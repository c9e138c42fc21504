package vn.danvan.signing;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What PDFBox may decode while one verification runs on this thread: at most {@code maxDecodedBytes}
 * in total (every filter of every stream: object streams, xref streams, anything) and, for a stream
 * past {@code ratioFloorBytes}, at most {@code maxRatio} decoded bytes per encoded byte. The first
 * byte over a limit stops the decoding filter with a {@link DecodeLimitException}, so a
 * decompression bomb costs at most the limit in memory and time, never its decoded size.
 *
 * <p>Open with {@link #open}, close in a {@code try}: the budget is bound to the thread, and
 * decoding on a thread without a budget (signing, rendering) is not limited. Not thread-safe: one
 * budget belongs to one verification on one thread.
 */
final class DecodeBudget implements AutoCloseable {

  private static final ThreadLocal<DecodeBudget> CURRENT = new ThreadLocal<>();

  private final long maxDecodedBytes;
  private final long maxRatio;
  private final long ratioFloorBytes;
  private long decodedBytes;
  private String exceeded;

  private DecodeBudget(long maxDecodedBytes, long maxRatio, long ratioFloorBytes) {
    this.maxDecodedBytes = maxDecodedBytes;
    this.maxRatio = maxRatio;
    this.ratioFloorBytes = ratioFloorBytes;
  }

  /** Binds a new budget to the current thread (PDFBox's filters are made to respect it first). */
  static DecodeBudget open(VerificationLimits limits) {
    BudgetedFilter.install();
    if (CURRENT.get() != null) {
      throw new IllegalStateException("A decode budget is already open on this thread");
    }
    DecodeBudget budget = new DecodeBudget(limits.maxDecodedBytes(), limits.maxCompressionRatio(),
        limits.ratioFloorBytes());
    CURRENT.set(budget);
    return budget;
  }

  /** The budget of the current thread, or null when decoding here is not limited. */
  static DecodeBudget current() {
    return CURRENT.get();
  }

  /** Bytes decoded so far under this budget (never more than the limit plus one write). */
  long decodedBytes() {
    return decodedBytes;
  }

  /** Why decoding was stopped, or null if it never was. */
  String exceeded() {
    return exceeded;
  }

  long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  /** Wraps one filter's input and output so that every decoded byte is counted against the budget. */
  Streams count(InputStream encoded, OutputStream decoded) {
    CountingInput in = new CountingInput(encoded);
    return new Streams(in, new CountingOutput(decoded, in));
  }

  record Streams(InputStream encoded, OutputStream decoded) {}

  @Override
  public void close() {
    CURRENT.remove();
  }

  private void charge(long bytes, long streamDecoded, long streamEncoded) throws DecodeLimitException {
    if (exceeded != null) {
      // PDFBox repairs broken files by trying other streams: once over, every decode stops at once
      throw new DecodeLimitException(exceeded);
    }
    if (decodedBytes + bytes > maxDecodedBytes) {
      decodedBytes = maxDecodedBytes;
      exceeded = "the PDF decompresses to more than " + maxDecodedBytes / (1024 * 1024) + " MB";
      throw new DecodeLimitException(exceeded);
    }
    decodedBytes += bytes;
    if (streamDecoded > ratioFloorBytes && streamDecoded / Math.max(1, streamEncoded) > maxRatio) {
      exceeded = "a stream of the PDF decompresses more than " + maxRatio + " times its size";
      throw new DecodeLimitException(exceeded);
    }
  }

  /** Thrown inside PDFBox's decoding when the budget is spent. */
  static final class DecodeLimitException extends IOException {
    DecodeLimitException(String message) {
      super("Decoding refused: " + message);
    }
  }

  private static final class CountingInput extends FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  private final class CountingOutput extends FilterOutputStream {
    private final CountingInput input;
    private long count;

    CountingOutput(OutputStream out, CountingInput input) {
      super(out);
      this.input = input;
    }

    @Override
    public void write(int b) throws IOException {
      charge(1, ++count, input.count);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      charge(len, count, input.count);
      out.write(b, off, len);
    }
  }
}
