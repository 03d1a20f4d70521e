package dev.hangar.core.http;

import dev.hangar.core.dataplane.DataPlaneRequest;
import dev.hangar.core.dataplane.DataPlaneRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** WebSocket upgrades of data-plane routes, spoken to by the JDK's own WebSocket client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketTest {

    static final List<String> K8S = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    static HangarServer server;
    static Listener ownPort;
    static final HttpClient http = HttpClient.newHttpClient();
    /** How each session the server had ended, as its handler was told: "code reason". */
    static final BlockingQueue<String> serverCloses = new LinkedBlockingQueue<>();

    /** Says hello with what it chose, echoes text, reverses binary, closes when asked to. */
    static final class Echo implements WebSocketHandler {
        private final String hello;

        Echo(String hello) {
            this.hello = hello;
        }

        @Override
        public void onOpen(WebSocketSession session) {
            session.sendText(hello + " " + session.subprotocol());
        }

        @Override
        public void onText(WebSocketSession session, String text) {
            if (text.startsWith("close ")) {
                session.close(Integer.parseInt(text.substring(6)), "asked to");
            } else {
                session.sendText("echo:" + text);
            }
        }

        @Override
        public void onBinary(WebSocketSession session, byte[] data) {
            byte[] reversed = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                reversed[i] = data[data.length - 1 - i];
            }
            session.sendBinary(reversed);
        }

        @Override
        public void onClose(WebSocketSession session, int code, String reason) {
            serverCloses.add(code + " " + reason);
        }
    }

    static CompletableFuture<AwsHttpResponse> kubernetesApi(DataPlaneRequest request) {
        if (!WebSocketUpgrade.requested(request.http())) {
            return CompletableFuture.completedFuture(AwsHttpResponse.json(200, "{\"kind\":\"Status\"}"));
        }
        String cluster = request.variables().getOrDefault("cluster", "(own port)");
        return CompletableFuture.completedFuture(AwsHttpResponse.webSocket(new Echo("hello " + cluster), K8S)
                .withHeader("X-Cluster", cluster));
    }

    @BeforeAll
    static void start() {
        DataPlaneRoute api = DataPlaneRoute.onHost("kubernetes api", "{cluster}.eks.localhost",
                WebSocketTest::kubernetesApi);
        server = HangarServer.builder().port(0)
                .route(DataPlaneRoute.onPath("exec", "/exec", WebSocketTest::kubernetesApi))
                .route(DataPlaneRoute.onPath("always", "/always", request -> CompletableFuture.completedFuture(
                        AwsHttpResponse.webSocket(new Echo("hi"), List.of()))))
                .route(api)
                .build().start();
        ownPort = server.listen("127.0.0.1", 0, api);
    }

    @AfterAll
    static void stop() {
        ownPort.close();
        server.close();
    }

    /** Collects what the client receives: whole messages (fragments joined), pongs and the close. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.add(bytes);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            received.add("pong " + new String(bytes));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        Object next() throws InterruptedException {
            Object message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "nothing received");
            return message;
        }
    }

    static WebSocket open(URI uri, Client client, String... subprotocols) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
    }

    static URI main(String path) {
        return URI.create("ws://" + server.host() + ":" + server.port() + path);
    }

    static String serverClose() throws InterruptedException {
        String close = serverCloses.poll(10, TimeUnit.SECONDS);
        assertNotNull(close, "the server's handler was not told the session ended");
        return close;
    }

    @Test
    void textAndBinaryGoBothWaysPingsAreAnsweredAndTheClientCloses() throws Exception {
        Client client = new Client();
        WebSocket ws = open(main("/exec/pod?command=sh"), client, "v5.channel.k8s.io", "v4.channel.k8s.io");
        assertEquals("v5.channel.k8s.io", ws.getSubprotocol());
        assertEquals("hello (own port) v5.channel.k8s.io", client.next());

        ws.sendText("hi", true).get(10, TimeUnit.SECONDS);
        assertEquals("echo:hi", client.next());
        ws.sendText("frag", false).get(10, TimeUnit.SECONDS);
        ws.sendText("ment", true).get(10, TimeUnit.SECONDS);
        assertEquals("echo:fragment", client.next(), "fragments reach the handler as one message");
        ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) client.next());
        ws.sendPing(ByteBuffer.wrap("are you there".getBytes())).get(10, TimeUnit.SECONDS);
        assertEquals("pong are you there", client.next());

        ws.sendClose(4001, "done here").get(10, TimeUnit.SECONDS);
        assertEquals("4001 done here", serverClose(), "the handler gets the client's code and reason");
        assertEquals("4001 ", client.closed.get(10, TimeUnit.SECONDS), "the server answers with the same code");
    }

    @Test
    void theServerClosesWithItsCodeAndReason() throws Exception {
        Client client = new Client();
        WebSocket ws = open(main("/exec/pod"), client, "v4.channel.k8s.io");
        assertEquals("v4.channel.k8s.io", ws.getSubprotocol());
        assertEquals("hello (own port) v4.channel.k8s.io", client.next());
        ws.sendText("close 4000", true);
        assertEquals("4000 asked to", client.closed.get(10, TimeUnit.SECONDS));
        // the JDK client answers the close; the handler is told the session is over with the peer's answer
        assertEquals("4000 ", serverClose());
    }

    @Test
    void aPeerThatGoesAwayIsReportedAsAnAbnormalClose() throws Exception {
        Client client = new Client();
        WebSocket ws = open(main("/always"), client);
        assertEquals("", ws.getSubprotocol(), "no subprotocol asked, none chosen");
        assertEquals("hi null", client.next());
        ws.abort();
        assertEquals("1006 ", serverClose());
    }

    @Test
    void aSubprotocolTheHandlerDoesNotSpeakIsNotChosen() throws Exception {
        Client client = new Client();
        WebSocket ws = open(main("/exec/x"), client, "v9.channel.k8s.io");
        assertEquals("", ws.getSubprotocol());
        assertEquals("hello (own port) null", client.next());
        ws.sendClose(1000, "").get(10, TimeUnit.SECONDS);
        assertEquals("1000 ", serverClose());
    }

    @Test
    void plainRequestsAreStillServedAndAnUpgradeOfANonWebSocketRequestIsRefused() throws Exception {
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(
                URI.create("http://" + server.host() + ":" + server.port() + "/exec/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertEquals("{\"kind\":\"Status\"}", plain.body());
        try (WireClient wire = WireClient.connect(server.host(), server.port())) {
            wire.send("GET /always HTTP/1.1\r\nHost: x\r\n\r\nGET /exec/x HTTP/1.1\r\nHost: x\r\n\r\n");
            WireClient.Head refused = wire.head();
            assertEquals(400, refused.status());
            wire.body(refused);
            assertEquals(200, wire.head().status(), "and the connection serves on");
        }
    }

    @Test
    void theSameRouteUpgradesOnItsOwnListener() throws Exception {
        Client client = new Client();
        WebSocket ws = open(URI.create("ws://127.0.0.1:" + ownPort.port() + "/api/v1/namespaces/default/pods/p/exec"),
                client, "v5.channel.k8s.io");
        assertEquals("v5.channel.k8s.io", ws.getSubprotocol());
        assertEquals("hello (own port) v5.channel.k8s.io", client.next(), "on its own port, any Host is the route's");
        ws.sendText("there", true);
        assertEquals("echo:there", client.next());
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertEquals("1000 bye", serverClose());
    }

    @Test
    void theHandshakeCarriesTheHandlersHeadersOnTheMainPortByHost() throws Exception {
        try (WireClient wire = WireClient.connect(server.host(), server.port())) {
            wire.send("GET /api/v1/x HTTP/1.1\r\nHost: prod.eks.localhost:" + server.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Protocol: v4.channel.k8s.io, v5.channel.k8s.io\r\n\r\n");
            WireClient.Head head = wire.head();
            assertEquals(101, head.status());
            assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", head.header("sec-websocket-accept"));
            assertEquals("v4.channel.k8s.io", head.header("sec-websocket-protocol"), "the client's first choice");
            assertEquals("prod", head.header("x-cluster"), "the host pattern's variable reached the handler");
            // the first frame: unmasked text "hello prod v4.channel.k8s.io"
            byte[] frameHead = wire.exactly(2);
            assertEquals((byte) 0x81, frameHead[0]);
            String hello = new String(wire.exactly(frameHead[1]));
            assertEquals("hello prod v4.channel.k8s.io", hello);
        }
        assertEquals("1006 ", serverClose());
    }
}
