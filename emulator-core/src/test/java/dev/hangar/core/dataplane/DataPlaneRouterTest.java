package dev.hangar.core.dataplane;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataPlaneRouterTest {

    private static final DataPlaneHandler NOTHING = r -> CompletableFuture.completedFuture(
            AwsHttpResponse.json(200, "{}"));

    private static AwsHttpRequest request(String host, String path) {
        Map<String, String> headers = new HashMap<>();
        if (host != null) {
            headers.put("host", host);
        }
        return new AwsHttpRequest("GET", path, "", Map.of(), headers, new byte[0], "127.0.0.1");
    }

    @Test
    void theMostSpecificHostWinsThenTheLongestPrefix() {
        DataPlaneRouter router = new DataPlaneRouter();
        router.add(DataPlaneRoute.onHost("any api", "{id}.execute-api.localhost", NOTHING));
        router.add(DataPlaneRoute.onHost("one api", "abc123.execute-api.localhost", NOTHING));
        router.add(new DataPlaneRoute("one api's admin", HostPattern.of("abc123.execute-api.localhost"), "/admin",
                NOTHING));
        router.add(DataPlaneRoute.onHost("function urls", "{id}.lambda-url.{region}.localhost", NOTHING));
        router.add(DataPlaneRoute.onPath("metadata", "/v4", NOTHING));

        DataPlaneRequest any = router.find(request("xyz.execute-api.localhost:4566", "/prod/pets"));
        assertEquals("any api", any.route().name());
        assertEquals(Map.of("id", "xyz"), any.variables());
        assertEquals(4566, any.hostPort());
        assertEquals("/prod/pets", any.subPath());

        assertEquals("one api", router.find(request("ABC123.execute-api.localhost", "/prod")).route().name());
        DataPlaneRequest admin = router.find(request("abc123.execute-api.localhost", "/admin/keys"));
        assertEquals("one api's admin", admin.route().name());
        assertEquals("/keys", admin.subPath());
        assertEquals(-1, admin.hostPort());

        DataPlaneRequest url = router.find(request("f1.lambda-url.eu-west-1.localhost", "/"));
        assertEquals(Map.of("id", "f1", "region", "eu-west-1"), url.variables());

        assertEquals("metadata", router.find(request("169.254.170.2", "/v4/abc/task")).route().name());
        assertEquals("/abc/task", router.find(request("127.0.0.1:4566", "/v4/abc/task")).subPath());
        assertEquals("/", router.find(request(null, "/v4")).subPath());
    }

    @Test
    void awsApiCallsAreLeftAlone() {
        DataPlaneRouter router = new DataPlaneRouter();
        router.add(DataPlaneRoute.onHost("apis", "{id}.execute-api.localhost", NOTHING));
        router.add(DataPlaneRoute.onPath("metadata", "/v4", NOTHING));
        assertNull(router.find(request("localhost:4566", "/")));
        assertNull(router.find(request("127.0.0.1:4566", "/2015-03-31/functions")));
        assertNull(router.find(request("localhost", "/v4x")));
        assertNull(router.find(request("a.b.execute-api.localhost", "/")));
        assertNull(new DataPlaneRouter().find(request("x.execute-api.localhost", "/")));
    }

    @Test
    void routesAreCheckedWhenAdded() {
        DataPlaneRouter router = new DataPlaneRouter();
        router.add(DataPlaneRoute.onPath("metadata", "/v4", NOTHING));
        assertThrows(IllegalStateException.class, () -> router.add(DataPlaneRoute.onPath("again", "/v4", NOTHING)));
        assertThrows(IllegalArgumentException.class, () -> DataPlaneRoute.onPath("everything", "/", NOTHING));
        assertThrows(IllegalArgumentException.class, () -> HostPattern.of("a{b}.localhost"));
        DataPlaneRoute route = DataPlaneRoute.onHost("apis", "{id}.execute-api.localhost", NOTHING);
        router.add(route);
        router.remove(route);
        assertNull(router.find(request("x.execute-api.localhost", "/")));
    }
}
