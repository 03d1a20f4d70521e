package dev.hangar.core.http;

/**
 * Writes a streamed response's body: Lambda's InvokeWithResponseStream, Logs' StartLiveTail, a function URL in
 * streaming mode, {@code kubectl logs -f}.
 */
@FunctionalInterface
public interface ResponseStream {

    /**
     * Called once, on the connection's event loop, as soon as the response's head is on its way: hands the writer to
     * whatever produces the body. It must not block; the writer may be used from any thread. For a HEAD request, or a
     * client already gone, the writer is closed from the start ({@link StreamWriter#done()} has failed): the producer
     * learns so and need do nothing. A producer that throws aborts the stream.
     */
    void start(StreamWriter out);
}
