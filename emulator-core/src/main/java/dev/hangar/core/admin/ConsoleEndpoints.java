package dev.hangar.core.admin;

import static dev.hangar.core.admin.AdminJson.error;
import static dev.hangar.core.admin.AdminJson.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.BoundService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console (docs/console.md): its page and files from the jar, and the JSON it polls, gathered from each
 * service's {@link ConsoleView} and the runtime's health.
 */
final class ConsoleEndpoints {

    private static final String RESOURCES = "dev/hangar/core/console/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    private static final int LOG_LIMIT = 500;

    private final List<BoundService> services;
    private final RuntimeAdmin runtime;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    ConsoleEndpoints(List<BoundService> services, RuntimeAdmin runtime) {
        this.services = services;
        this.runtime = runtime;
    }

    /** A browser's request for the root: it asks for HTML before anything else; SDKs and CLIs never do. */
    static boolean browserWantsPage(AwsHttpRequest request) {
        String accept = request.header("accept");
        return request.method().equals("GET") && accept != null && accept.startsWith("text/html");
    }

    /** index.html, app.js or style.css; null for any other name. */
    AwsHttpResponse file(String name) {
        String type = FILES.get(name);
        if (type == null) {
            return null;
        }
        byte[] body = loaded.computeIfAbsent(name, ConsoleEndpoints::load);
        return AwsHttpResponse.of(200, type, body).withHeader("Cache-Control", "no-cache");
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleEndpoints.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {services:{name:{accounts:[...]}}, runtime:{engine, available, detail}}. */
    AwsHttpResponse resources() {
        RuntimeAdmin.Health health = runtime.health();
        return json(200, g -> {
            g.writeObjectFieldStart("services");
            for (BoundService bound : services) {
                ConsoleView view = bound.service().consoleView();
                if (view != null) {
                    g.writeObjectFieldStart(bound.name());
                    g.writeFieldName("accounts");
                    writeValue(g, view.resources());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
            AdminJson.writeRuntime(g, health);
        });
    }

    /** ?account&region&group[&stream][&cursor] → {events:[...], nextCursor}; 400 without a group, 404 unknown. */
    AwsHttpResponse logs(AwsHttpRequest request) {
        String group = request.queryParam("group");
        String account = request.queryParam("account");
        String region = request.queryParam("region");
        if (group == null || group.isEmpty() || account == null || region == null) {
            return error(400, "BadRequest", "give account, region and group (stream and cursor are optional)");
        }
        String stream = blankToNull(request.queryParam("stream"));
        String cursor = blankToNull(request.queryParam("cursor"));
        for (BoundService bound : services) {
            ConsoleView view = bound.service().consoleView();
            ConsoleView.LogTail tail = view == null ? null
                    : view.logTail(account, region, group, stream, cursor, LOG_LIMIT);
            if (tail != null) {
                if (!tail.found()) {
                    return error(404, "NotFound", "no log group " + group + (stream == null ? "" : " stream " + stream)
                            + " in " + account + " " + region);
                }
                return json(200, g -> {
                    g.writeFieldName("events");
                    writeValue(g, tail.events());
                    g.writeStringField("nextCursor", tail.nextCursor());
                });
            }
        }
        return error(404, "NotFound", "no service keeps logs (CloudWatch Logs is not wired)");
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Writes a tree of maps, lists, strings, numbers, booleans and enums (anything else as its text). */
    static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(value.toString());
        }
    }




    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
