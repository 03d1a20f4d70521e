package dev.hangar.core.http;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web console's endpoints: its files, the JSON of the services' views, and the root only for a browser. */
class ConsoleEndpointsTest {

    /** The fake ECS, shown on the console with one cluster, and keeping one log line. */
    static final class ShownService implements AwsService, ConsoleView {
        final FakeEcsService ecs = new FakeEcsService();

        @Override
        public ServiceDescriptor descriptor() {
            return ecs.descriptor();
        }

        @Override
        public List<Object> handlers() {
            return ecs.handlers();
        }

        @Override
        public ConsoleView consoleView() {
            return this;
        }

        @Override
        public List<Map<String, Object>> resources() {
            return List.of(Map.of("account", "000000000000", "clusters", List.of(Map.of("name", "c\"1", "n", 2))));
        }

        @Override
        public LogTail logTail(String account, String region, String group, String stream, String cursor, int limit) {
            return group.equals("g") ? new LogTail(List.of(Map.of("message", "hi", "timestamp", 5L)), "c1", true)
                    : new LogTail(List.of(), cursor, false);
        }
    }

    static HangarServer server;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).service(new ShownService()).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint().resolve(path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAndItsFiles() throws Exception {
        for (String path : List.of("/_hangar/", "/_hangar")) {
            HttpResponse<String> page = get(path, null);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
            assertTrue(page.body().contains("/_hangar/console/app.js"), page.body());
        }
        assertTrue(get("/_hangar/console/app.js", null).body().contains("/_hangar/resources"));
        assertTrue(get("/_hangar/console/style.css", null).headers().firstValue("content-type").orElseThrow()
                .startsWith("text/css"));
        assertEquals(404, get("/_hangar/console/secret.txt", null).statusCode());
    }

    @Test
    void theRootIsThePageOnlyForABrowser() throws Exception {
        HttpResponse<String> browser = get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, browser.statusCode());
        assertTrue(browser.body().contains("<title>Hangar console</title>"));
        HttpResponse<String> sdk = get("/", "application/json");
        assertTrue(!sdk.body().contains("<title>"), sdk.body());
        HttpResponse<String> plain = get("/", null);
        assertTrue(!plain.body().contains("<title>"), plain.body());
    }

    @Test
    void resourcesWriteEachServicesViewAndTheRuntime() throws Exception {
        HttpResponse<String> r = get("/_hangar/resources", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"services\":{\"ecs\":{\"accounts\":[{"), r.body());
        assertTrue(r.body().contains("\"name\":\"c\\\"1\""), r.body());
        assertTrue(r.body().contains("\"runtime\":{\"engine\":"), r.body());
    }

    @Test
    void logsAnswerTheTailOrOneClearError() throws Exception {
        HttpResponse<String> tail = get("/_hangar/logs?account=1&region=r&group=g", null);
        assertEquals(200, tail.statusCode());
        assertTrue(tail.body().contains("\"events\":[{") && tail.body().contains("\"nextCursor\":\"c1\""),
                tail.body());
        HttpResponse<String> unknown = get("/_hangar/logs?account=1&region=r&group=nope", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no log group nope"), unknown.body());
        HttpResponse<String> missing = get("/_hangar/logs?group=g", null);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("give account, region and group"), missing.body());
    }
}
