package dev.hangar.core.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP/1.1 details clients depend on, spoken over a raw socket so nothing in between smooths them over. */
class HttpWireTest {

    static HangarServer server;
    static final String LIST_CLUSTERS = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: "
            + "AmazonEC2ContainerServiceV20141113.ListClusters\r\nContent-Type: application/x-amz-json-1.1\r\n";

    @BeforeAll
    static void start() throws Exception {
        // a plain route echoing what it received, to see exactly what reached the pipeline
        server = HangarServer.builder().port(0).maxRequestBytes(1024).service(new FakeEcsService())
                .route("/echo", request -> CompletableFuture.completedFuture(AwsHttpResponse.of(200, "text/plain",
                                (request.method() + " " + request.body().length + " " + request.bodyAsString())
                                        .getBytes(StandardCharsets.UTF_8))
                        .withHeader("X-Echo", request.header("x-echo") == null ? "" : request.header("x-echo"))))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chunkedBodyArrivesWhole() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            Response response = read(socket.getInputStream());
            assertEquals(200, response.status);
            assertEquals("POST 11 hello world", response.body);
        }
    }

    @Test
    void expectContinueGets100ThenTheAnswer() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            Response interim = read(socket.getInputStream());
            assertEquals(100, interim.status);
            send(socket, "body");
            Response response = read(socket.getInputStream());
            assertEquals(200, response.status);
            assertEquals("POST 4 body", response.body);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstAnswersLater() throws IOException {
        try (Socket socket = connect()) {
            // ListClusters of the fake service runs on the worker pool; the echo answers at once on the event loop
            send(socket, LIST_CLUSTERS + "Content-Length: 2\r\n\r\n{}"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nbb");
            InputStream in = socket.getInputStream();
            Response clusters = read(in);
            assertEquals(200, clusters.status);
            assertTrue(clusters.body.contains("clusterArns"), clusters.body);
            assertTrue(clusters.headers.containsKey("x-amzn-requestid"));
            assertFalse(clusters.headers.containsKey("connection"));
            assertEquals("POST 1 a", read(in).body);
            assertEquals("POST 2 bb", read(in).body);
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi");
            Response response = read(socket.getInputStream());
            assertEquals("close", response.headers.get("connection"));
            assertEquals(-1, socket.getInputStream().read(), "the server closes after answering");
        }
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nhi");
            assertEquals("keep-alive", read(socket.getInputStream()).headers.get("connection"));
            send(socket, "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nhey");
            assertEquals("POST 3 hey", read(socket.getInputStream()).body);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        try (Socket socket = connect()) {
            send(socket, LIST_CLUSTERS + "Connection: close\r\nContent-Length: 2\r\n\r\n{}");
            assertEquals(200, read(socket.getInputStream()).status);
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void headGetsTheHeadWithoutTheBody() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nz");
            InputStream in = socket.getInputStream();
            Response head = readHead(in);
            assertEquals(200, head.status);
            assertEquals("7", head.headers.get("content-length"), "the length of the body a GET would get (\"HEAD 0 \")");
            assertEquals("POST 1 z", read(in).body, "no body bytes came between the two answers");
        }
    }

    @Test
    void oversizedDeclaredOrChunkedBodiesGet413AndTheConnectionCloses() throws IOException {
        try (Socket socket = connect()) {
            send(socket, LIST_CLUSTERS + "Content-Length: 5000\r\n\r\n");
            Response response = read(socket.getInputStream());
            assertEquals(413, response.status);
            assertEquals("RequestEntityTooLargeException", response.headers.get("x-amzn-errortype"));
            assertEquals(-1, socket.getInputStream().read());
        }
        try (Socket socket = connect()) {
            // the whole oversized body sent at once: the answer must survive the server's end of the connection
            send(socket, LIST_CLUSTERS + "Content-Length: 200000\r\n\r\n" + "x".repeat(200_000));
            Response response = read(socket.getInputStream());
            assertEquals(413, response.status);
            assertEquals(-1, socket.getInputStream().read());
        }
        try (Socket socket = connect()) {
            String chunk = "x".repeat(600);
            send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
            assertEquals(413, read(socket.getInputStream()).status);
        }
    }

    @Test
    void malformedRequestLineGets400AndClose() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n");
            Response response = read(socket.getInputStream());
            assertEquals(400, response.status);
            assertEquals("close", response.headers.get("connection"));
        }
    }

    @Test
    void headerValuesCannotSplitTheResponse() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nX-Echo: a\u00e9b\r\nContent-Length: 0\r\n\r\n");
            Response response = read(socket.getInputStream());
            assertEquals(200, response.status);
            assertEquals("a?b", response.headers.get("x-echo"), "beyond ASCII is written as US-ASCII would");
        }
        AwsHttpResponse injected = AwsHttpResponse.of(200, null, new byte[0]).withHeader("X-Evil", "a\r\nSet-Cookie: x");
        io.netty.buffer.ByteBuf[] wire = ResponseEncoder.encode(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT,
                injected, ResponseEncoder.Connection.KEEP_ALIVE_HTTP11, true);
        String text = wire[0].toString(StandardCharsets.US_ASCII);
        wire[0].release();
        assertTrue(text.contains("X-Evil: a  Set-Cookie: x\r\n"), text);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(server.host(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    private static Response readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            lines.add(line);
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new java.util.HashMap<>();
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }

    private static Response read(InputStream in) throws IOException {
        Response head = readHead(in);
        int length = Integer.parseInt(head.headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(head.status, head.headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
