package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortPublishingTest {

    private static RuntimeFixture fx;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
    }

    @Test
    void aDynamicPortIsBoundToLoopbackAndReportedByInspect() throws Exception {
        ContainerHandle h = fx.run(ContainerSpec.builder(TestImages.WEB)
                .ports(List.of(ContainerSpec.PortMapping.tcp(8080, 0))));
        ContainerState state = fx.runtime.inspect(h.id());
        assertEquals(1, state.publishedPorts().size(), state.publishedPorts().toString());
        ContainerSpec.PortMapping published = state.publishedPorts().get(0);
        assertEquals(8080, published.containerPort());
        assertEquals("127.0.0.1", published.hostIp());
        assertEquals("tcp", published.protocol());
        assertTrue(published.hostPort() > 0);

        assertTrue(get(published.hostPort()).contains("hangar-test web"));
    }

    @Test
    void aFixedPortIsPublishedAsAsked() throws Exception {
        // a port free a moment ago can be taken by the time the engine binds it (the machine is shared): then the
        // test asks again with another, a few times, rather than fail for what it does not test
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            ContainerHandle h = fx.runtime.create(ContainerSpec.builder(TestImages.WEB)
                    .ports(List.of(ContainerSpec.PortMapping.tcp(8080, port))).build());
            try {
                fx.runtime.start(h.id());
            } catch (ContainerRuntimeException e) {
                fx.runtime.remove(h.id());
                if (attempt < 5 && isPortTaken(e)) {
                    continue;
                }
                throw e;
            }
            assertEquals(port, fx.runtime.inspect(h.id()).publishedPorts().get(0).hostPort());
            assertTrue(get(port).contains("hangar-test web"));
            return;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** The engine's words when the host port is in use: its own allocation, or another process's socket. */
    private static boolean isPortTaken(ContainerRuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("port is already allocated") || message.contains("address already in use");
    }

    /** httpd listens a moment after the container starts. */
    private static String get(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no HTTP answer on 127.0.0.1:" + port, last);
    }
}
