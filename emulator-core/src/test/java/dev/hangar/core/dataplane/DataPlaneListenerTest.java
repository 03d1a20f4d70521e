package dev.hangar.core.dataplane;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.HangarServer;
import dev.hangar.core.http.Listener;
import dev.hangar.core.http.Listeners;
import dev.hangar.core.http.WireClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One data-plane handler reached two ways: on the main port by its Host header, and on a listener of its own. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataPlaneListenerTest {

    static HangarServer server;
    static Listener lbPort;

    /** A load balancer listener that says which route, host variables and path served the request. */
    static final DataPlaneRoute LOAD_BALANCER = new DataPlaneRoute("load balancer web-1",
            HostPattern.of("{lb}.elb.localhost"), "/", request -> CompletableFuture.completedFuture(
            AwsHttpResponse.of(200, "text/plain", (request.route().name() + " lb=" + request.variables().get("lb")
                    + " host=" + request.host() + " path=" + request.subPath()).getBytes(StandardCharsets.UTF_8))));

    @BeforeAll
    static void start() {
        server = HangarServer.builder().port(0).route(LOAD_BALANCER).build().start();
        lbPort = server.listen("127.0.0.1", 0, LOAD_BALANCER);
    }

    @AfterAll
    static void stop() {
        lbPort.close();
        server.close();
    }

    static String get(int port, String path, String host) throws IOException {
        try (WireClient client = WireClient.connect("127.0.0.1", port)) {
            client.send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            WireClient.Head head = client.head();
            return head.status() + " " + client.body(head);
        }
    }

    @Test
    void theSameHandlerServesTheMainPortByHostAndItsOwnPort() throws IOException {
        assertEquals("200 load balancer web-1 lb=web-1 host=web-1.elb.localhost path=/orders",
                get(server.port(), "/orders", "web-1.elb.localhost:" + server.port()));
        assertEquals("200 load balancer web-1 lb=null host=127.0.0.1 path=/orders",
                get(lbPort.port(), "/orders", "127.0.0.1:" + lbPort.port()),
                "on its own port any Host is the route's; the pattern's variables only when the Host matches");
        assertEquals("200 load balancer web-1 lb=web-1 host=web-1.elb.localhost path=/",
                get(lbPort.port(), "/", "web-1.elb.localhost"));
        String aws = get(server.port(), "/orders", "127.0.0.1");
        assertFalse(aws.contains("load balancer"), "on the main port without its Host it is an AWS API call: " + aws);
    }

    @Test
    void aListenerOfOnePrefixedRouteAnswers404OutsideIt() throws IOException {
        DataPlaneRoute metadata = DataPlaneRoute.onPath("task metadata", "/v4", request ->
                CompletableFuture.completedFuture(AwsHttpResponse.json(200, "{\"sub\":\"" + request.subPath() + "\"}")));
        try (Listener own = server.listen("127.0.0.1", 0, metadata)) {
            assertEquals("200 {\"sub\":\"/abc/task\"}", get(own.port(), "/v4/abc/task", "169.254.170.2"));
            assertEquals("404 {\"message\":\"Not Found\"}", get(own.port(), "/v2/metadata", "169.254.170.2"));
        }
    }

    @Test
    void aListenerServesARouterOfItsOwn() throws IOException {
        DataPlaneRouter routes = new DataPlaneRouter();
        routes.add(DataPlaneRoute.onPath("v4", "/v4", request ->
                CompletableFuture.completedFuture(AwsHttpResponse.json(200, "{\"v\":4}"))));
        routes.add(DataPlaneRoute.onPath("credentials", "/creds", request ->
                CompletableFuture.completedFuture(AwsHttpResponse.json(200, "{\"v\":\"creds\"}"))));
        try (Listeners listeners = new Listeners(1, 1024);
             Listener own = listeners.open("127.0.0.1", 0, routes)) {
            assertEquals("200 {\"v\":4}", get(own.port(), "/v4/x", "x"));
            assertEquals("200 {\"v\":\"creds\"}", get(own.port(), "/creds/abc", "x"));
            assertEquals("404 {\"message\":\"Not Found\"}", get(own.port(), "/", "x"));
        }
    }

    @Test
    void directMatchingFillsWhatTheHostAllows() {
        DataPlaneRequest matched = DataPlaneRouter.direct(LOAD_BALANCER, request("web-2.elb.localhost:8080", "/a"));
        assertEquals("web-2", matched.variables().get("lb"));
        assertEquals(8080, matched.hostPort());
        DataPlaneRequest any = DataPlaneRouter.direct(LOAD_BALANCER, request(null, "/a"));
        assertNull(any.host());
        assertEquals(-1, any.hostPort());
        assertEquals(java.util.Map.of(), any.variables());
        DataPlaneRoute prefixed = DataPlaneRoute.onPath("v4", "/v4", LOAD_BALANCER.handler());
        assertNull(DataPlaneRouter.direct(prefixed, request("x", "/v2")));
        assertEquals("/", DataPlaneRouter.direct(prefixed, request("x", "/v4")).subPath());
    }

    @Test
    void aTakenPortIsNamed() {
        IllegalStateException taken = assertThrows(IllegalStateException.class,
                () -> server.listen("127.0.0.1", lbPort.port(), LOAD_BALANCER));
        assertTrue(taken.getMessage().contains("127.0.0.1:" + lbPort.port()), taken.getMessage());
    }

    private static dev.hangar.core.http.AwsHttpRequest request(String host, String path) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        if (host != null) {
            headers.put("host", host);
        }
        return new dev.hangar.core.http.AwsHttpRequest("GET", path, "", java.util.Map.of(), headers, new byte[0],
                "127.0.0.1");
    }
}
