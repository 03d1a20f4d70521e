package dev.hangar.core.http;

import dev.hangar.core.dataplane.DataPlaneRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamed responses on the wire. The producers here hand their writer to the test, which writes each piece only
 * after the client read the one before: what arrives, arrives as it is written.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamedResponseTest {

    static HangarServer server;
    /** The writers of the streams the server started, in order. */
    static final BlockingQueue<StreamWriter> writers = new LinkedBlockingQueue<>();
    static final int FLOOD_CHUNK = 64 * 1024;
    static final long FLOOD_TOTAL = 32L * 1024 * 1024;
    static final BlockingQueue<Flood> floods = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        server = HangarServer.builder().port(0)
                .route("/echo", request -> CompletableFuture.completedFuture(AwsHttpResponse.of(200, "text/plain",
                        (request.method() + " " + request.bodyAsString()).getBytes(StandardCharsets.UTF_8))))
                .route(DataPlaneRoute.onPath("stream", "/stream", request -> CompletableFuture.completedFuture(
                        AwsHttpResponse.streamed(200, "text/plain", writers::add).withHeader("X-Kind", "stream"))))
                .route(DataPlaneRoute.onPath("sized", "/sized", request -> CompletableFuture.completedFuture(
                        AwsHttpResponse.streamed(200, "text/plain", 6, writers::add))))
                // answers later, from another thread, as a handler waiting on a container would
                .route(DataPlaneRoute.onPath("later", "/later", request -> CompletableFuture.supplyAsync(
                        () -> AwsHttpResponse.streamed(200, "text/plain", writers::add))))
                .route(DataPlaneRoute.onPath("flood", "/flood", request -> CompletableFuture.completedFuture(
                        AwsHttpResponse.streamed(200, "application/octet-stream", out -> {
                            Flood flood = new Flood(out);
                            floods.add(flood);
                            flood.run();
                        }))))
                .route(DataPlaneRoute.onPath("broken", "/broken", request -> CompletableFuture.completedFuture(
                        AwsHttpResponse.streamed(200, "text/plain", out -> {
                            writers.add(out);
                            throw new IllegalStateException("the producer fails at once");
                        }))))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static StreamWriter nextWriter() throws InterruptedException {
        StreamWriter writer = writers.poll(10, TimeUnit.SECONDS);
        assertNotNull(writer, "the server started no stream");
        return writer;
    }

    static WireClient connect() throws IOException {
        return WireClient.connect(server.host(), server.port());
    }

    static void await(CompletableFuture<?> future) throws Exception {
        future.get(10, TimeUnit.SECONDS);
    }

    static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the future completed normally");
    }

    @Test
    void chunksArriveAsTheyAreWrittenAndTheConnectionIsKeptAfterTheEnd() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            WireClient.Head head = client.head();
            assertEquals(200, head.status());
            assertEquals("chunked", head.header("transfer-encoding"));
            assertNull(head.header("content-length"));
            assertNull(head.header("connection"));
            assertEquals("stream", head.header("x-kind"));

            await(out.write("first".getBytes(StandardCharsets.UTF_8)));
            assertEquals("first", client.chunkText(), "the first chunk is read before the second is written");
            byte[] large = new byte[100_000]; // beyond the copy limit: sent as the array itself
            large[99_999] = 7;
            await(out.write(large));
            assertArrayEquals(large, client.chunk());
            await(out.write("xxsecondxx".getBytes(StandardCharsets.UTF_8), 2, 6));
            assertEquals("second", client.chunkText());
            await(out.write(new byte[0])); // an empty write sends nothing (an empty chunk would end the body)
            assertTrue(out.isOpen());
            out.end();
            assertEquals(0, client.chunk().length, "the last chunk");
            await(out.done());
            assertFalse(out.isOpen());
            assertInstanceOf(StreamClosedException.class, failureOf(out.write(new byte[] {1})));

            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nafter");
            WireClient.Head next = client.head();
            assertEquals("POST after", client.body(next), "the connection serves on after the stream");
        }
    }

    @Test
    void endWithLastBytesSendsThemAndTheEndTogether() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            client.head();
            out.end("the last word".getBytes(StandardCharsets.UTF_8));
            await(out.done());
            assertEquals("the last word", client.chunkText());
            assertEquals(0, client.chunk().length);
        }
    }

    @Test
    void aStreamAnsweredLaterFromAnotherThreadWorksTheSame() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            assertEquals("chunked", client.head().header("transfer-encoding"));
            CompletableFuture.runAsync(() -> out.write("from a worker".getBytes(StandardCharsets.UTF_8)));
            assertEquals("from a worker", client.chunkText());
            CompletableFuture.runAsync(out::end);
            assertEquals(0, client.chunk().length);
            await(out.done());
        }
    }

    @Test
    void pipelinedRequestsWaitBehindAStreamAndAreAnsweredInOrder() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na"
                    + "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nbb");
            StreamWriter first = nextWriter();
            assertEquals("chunked", client.head().header("transfer-encoding"));
            await(first.write("one".getBytes(StandardCharsets.UTF_8)));
            assertEquals("one", client.chunkText());
            await(first.write("two".getBytes(StandardCharsets.UTF_8)));
            assertEquals("two", client.chunkText(), "nothing of the waiting answers came between the chunks");
            assertNull(writers.poll(), "the second stream waits its turn");
            first.end();
            assertEquals(0, client.chunk().length);
            assertEquals("POST a", client.body(client.head()));

            StreamWriter second = nextWriter();
            assertEquals("chunked", client.head().header("transfer-encoding"));
            await(second.write("three".getBytes(StandardCharsets.UTF_8)));
            assertEquals("three", client.chunkText());
            second.end();
            assertEquals(0, client.chunk().length);
            assertEquals("POST bb", client.body(client.head()));
        }
    }

    @Test
    void headGetsTheHeadAndTheProducerLearnsNoBodyIsWanted() throws Exception {
        try (WireClient client = connect()) {
            client.send("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nz");
            StreamWriter out = nextWriter();
            WireClient.Head head = client.head();
            assertEquals(200, head.status());
            assertEquals("chunked", head.header("transfer-encoding"), "the head a GET would get");
            assertInstanceOf(StreamClosedException.class, failureOf(out.done()));
            assertFalse(out.isOpen());
            assertInstanceOf(StreamClosedException.class, failureOf(out.write(new byte[] {1})));
            assertEquals("POST z", client.body(client.head()), "no body bytes came before the next answer");
        }
        try (WireClient client = connect()) {
            client.send("HEAD /sized HTTP/1.0\r\n\r\n");
            nextWriter();
            WireClient.Head head = client.head();
            assertEquals("6", head.header("content-length"));
            assertEquals("close", head.header("connection"));
            assertEquals(-1, client.in.read(), "the connection ends after the head");
        }
    }

    @Test
    void http10GetsACloseDelimitedBody() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                    + "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nq");
            StreamWriter out = nextWriter();
            WireClient.Head head = client.head();
            assertNull(head.header("transfer-encoding"), "HTTP/1.0 has no chunks");
            assertNull(head.header("content-length"));
            assertEquals("close", head.header("connection"), "the end of the body is the end of the connection");
            await(out.write("abc".getBytes(StandardCharsets.UTF_8)));
            assertEquals("abc", new String(client.exactly(3), StandardCharsets.UTF_8));
            await(out.write("def".getBytes(StandardCharsets.UTF_8)));
            out.end();
            assertEquals("def", new String(client.in.readAllBytes(), StandardCharsets.UTF_8),
                    "the rest, then the end of the stream; the request behind it is not answered");
            await(out.done());
        }
    }

    @Test
    void aKnownLengthKeepsEvenAnHttp10ConnectionOpen() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /sized HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            StreamWriter out = nextWriter();
            WireClient.Head head = client.head();
            assertEquals("6", head.header("content-length"));
            assertEquals("keep-alive", head.header("connection"));
            assertNull(head.header("transfer-encoding"));
            await(out.write("abc".getBytes(StandardCharsets.UTF_8)));
            assertEquals("abc", new String(client.exactly(3), StandardCharsets.UTF_8));
            await(out.write("def".getBytes(StandardCharsets.UTF_8)));
            out.end();
            assertEquals("def", new String(client.exactly(3), StandardCharsets.UTF_8));
            await(out.done());
            client.send("POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok");
            assertEquals("POST ok", client.body(client.head()));
        }
        try (WireClient client = connect()) {
            client.send("GET /sized HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            assertEquals("6", client.head().header("content-length"));
            assertInstanceOf(StreamClosedException.class,
                    failureOf(out.write("too long".getBytes(StandardCharsets.UTF_8))),
                    "more than the announced length aborts");
            assertEquals(-1, client.in.read(), "and the client sees a short body");
        }
    }

    @Test
    void abortCutsAChunkedStreamVisibly() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            client.head();
            await(out.write("part".getBytes(StandardCharsets.UTF_8)));
            assertEquals("part", client.chunkText());
            out.abort(new IllegalStateException("the function crashed"));
            assertThrows(EOFException.class, client::chunk, "no last chunk: the client knows it was cut");
            Throwable failure = failureOf(out.done());
            assertInstanceOf(StreamClosedException.class, failure);
            assertEquals("the function crashed", failure.getCause().getMessage());
        }
    }

    @Test
    void abortResetsACloseDelimitedStream() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.0\r\n\r\n");
            StreamWriter out = nextWriter();
            client.head();
            await(out.write("part".getBytes(StandardCharsets.UTF_8)));
            assertEquals("part", new String(client.exactly(4), StandardCharsets.UTF_8));
            out.abort(new IllegalStateException("cut"));
            assertThrows(IOException.class, client.in::read, "a reset, not the end a whole body would have");
        }
    }

    @Test
    void aProducerThatThrowsAbortsItsStream() throws Exception {
        try (WireClient client = connect()) {
            client.send("GET /broken HTTP/1.1\r\nHost: x\r\n\r\n");
            StreamWriter out = nextWriter();
            assertEquals(200, client.head().status());
            assertThrows(EOFException.class, client::chunk);
            assertEquals("the producer fails at once", failureOf(out.done()).getCause().getMessage());
        }
    }

    @Test
    void aClientThatGoesAwayMidStreamReachesTheProducer() throws Exception {
        StreamWriter out;
        try (WireClient client = connect()) {
            client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            out = nextWriter();
            client.head();
            await(out.write("hello".getBytes(StandardCharsets.UTF_8)));
            assertEquals("hello", client.chunkText());
        }
        Throwable failure = failureOf(out.done());
        assertInstanceOf(StreamClosedException.class, failure);
        assertEquals("the client went away", failure.getMessage());
        assertFalse(out.isOpen());
        assertInstanceOf(StreamClosedException.class, failureOf(out.write(new byte[] {1})));
    }

    @Test
    void aSlowReaderHoldsTheProducerBackInsteadOfFillingMemory() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024); // fixed before connecting: no autotuning to megabytes
            socket.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
            WireClient client = new WireClient(socket);
            client.send("GET /flood HTTP/1.1\r\nHost: x\r\n\r\n");
            Flood flood = floods.poll(10, TimeUnit.SECONDS);
            assertNotNull(flood);
            // the client has read nothing: the producer must be told to wait long before it has written everything
            long queuedWhenHeldBack = flood.heldBack.get(10, TimeUnit.SECONDS);
            assertTrue(queuedWhenHeldBack < 8L * 1024 * 1024,
                    "held back after " + queuedWhenHeldBack + " bytes: socket buffers and the high-water mark only");
            assertEquals("chunked", client.head().header("transfer-encoding"));
            long read = 0;
            for (byte[] chunk = client.chunk(); chunk.length > 0; chunk = client.chunk()) {
                read += chunk.length;
            }
            assertEquals(FLOOD_TOTAL, read, "everything arrives once the client reads");
            await(flood.out.done());
        }
    }

    /**
     * A producer as fast as back-pressure lets it be: writes 64 KiB chunks while the writer has room, and goes on when
     * a write's future says there is room again. Notes how much it had written when first held back.
     */
    static final class Flood {
        final StreamWriter out;
        final CompletableFuture<Long> heldBack = new CompletableFuture<>();
        final byte[] chunk = new byte[FLOOD_CHUNK];
        long written;

        Flood(StreamWriter out) {
            this.out = out;
        }

        void run() {
            while (written < FLOOD_TOTAL) {
                CompletableFuture<Void> room = out.write(chunk);
                written += chunk.length;
                if (!room.isDone()) {
                    heldBack.complete(written);
                    room.thenRun(this::run);
                    return;
                }
            }
            out.end();
        }
    }
}
