package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written HTTP requests for the codec unit tests. */
final class Requests {

    private Requests() {
    }

    static AwsHttpRequest awsJson(String target, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (target != null) {
            headers.put("x-amz-target", target);
        }
        headers.put("content-type", "application/x-amz-json-1.1");
        return new AwsHttpRequest("POST", "/", "", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");
    }

    /** @param target path with an optional raw query string, e.g. "/2015-03-31/functions?Marker=x" */
    static AwsHttpRequest rest(String method, String target, String body, String... headerPairs) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(java.util.Locale.ROOT), headerPairs[i + 1]);
        }
        return new AwsHttpRequest(method, path, rawQuery, query, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }
}
