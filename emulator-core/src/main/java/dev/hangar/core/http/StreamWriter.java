package dev.hangar.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * The body of a streamed response, written as its producer makes it. Every method may be called from any thread;
 * calls are carried out in the order made (from one thread, or ordered by the producer).
 *
 * <p><b>Back-pressure</b> is carried by the future {@link #write} returns, not by pause and resume callbacks: it
 * completes at once while the connection's outgoing buffer is below its high-water mark, and otherwise once the client
 * has read enough of what is queued. A producer writes its next piece when the previous write's future completes (an
 * asynchronous producer chains on it, one on a worker thread may wait for it), so a slow reader slows the producer
 * instead of making Hangar buffer without bound. One future per write serves both kinds of producer, reports the
 * failure of the stream where the producer looks anyway, and leaves no listener to register or race with writes. A
 * producer that writes without waiting buffers everything it writes.
 *
 * <p>The futures complete on the connection's event loop: what is chained on them without an executor runs there and
 * must not block. Never wait for one on an event loop (a handler that runs there): it would wait for itself.
 */
public interface StreamWriter {

    /**
     * Queues the bytes, sent at once (one chunk of a chunked body). The array is not copied when large: do not change
     * it after the call.
     *
     * @return completes when more may be written; fails with {@link StreamClosedException} when the stream is over
     *         (the client went away, the stream was aborted or ended)
     */
    CompletableFuture<Void> write(byte[] bytes);

    /** {@link #write(byte[])} of part of an array. */
    CompletableFuture<Void> write(byte[] bytes, int offset, int length);

    /**
     * Ends the body: the last chunk of a chunked body, or the end of the connection for a close-delimited one. Ending
     * a body of known length short of it aborts instead. No-op once the stream is over.
     */
    void end();

    /**
     * Writes these last bytes and ends the body with them, in one flush: a client that stops reading after a final
     * message (an SDK does after an event stream's exception) still reads the end that comes with it.
     */
    void end(byte[] lastBytes);

    /**
     * Cuts the stream off: the connection closes without the body's proper end, so the client sees the answer was
     * cut (a chunked body lacks its last chunk, a body of known length is short, a close-delimited one ends with a
     * reset). For a failure after the head went out, when no error status can be sent any more. No-op once over.
     */
    void abort(Throwable cause);

    /** False once the stream is over: ended, aborted, or the client gone. */
    boolean isOpen();

    /**
     * Completes when the stream is over: normally once the end is written, exceptionally with
     * {@link StreamClosedException} when the client went away (or asked with HEAD, so no body is sent) or the stream
     * was aborted. How the producer learns that nobody is reading any more.
     */
    CompletableFuture<Void> done();
}
