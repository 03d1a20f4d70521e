package dev.hangar.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as Hangar's routing and codecs see it; no Netty type leaks past the server.
 *
 * @param path     the raw (still percent-encoded) path, without the query string
 * @param query    decoded query parameters, in arrival order per name
 * @param headers  header names in lower case; repeated headers joined with ","
 */
public record AwsHttpRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body,
        String remoteAddress) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
