package dev.hangar.core.eventstream;

/** Writes the events of a typed handler's event stream; the same rules as {@link dev.hangar.core.http.ResponseStream}. */
@FunctionalInterface
public interface EventStreamProducer {

    /**
     * Called once, on the connection's event loop, once the response's head is on its way: hands the writer to
     * whatever produces the events. Must not block; the writer may be used from any thread. A producer that throws
     * aborts the stream.
     */
    void start(EventStreamWriter events);
}
