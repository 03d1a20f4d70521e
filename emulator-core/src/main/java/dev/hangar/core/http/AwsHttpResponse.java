package dev.hangar.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response; headers keep their AWS spelling (x-amzn-RequestId, X-Amzn-ErrorType). */
public record AwsHttpResponse(int status, Map<String, String> headers, byte[] body) {

    public static AwsHttpResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new AwsHttpResponse(status, headers, body);
    }

    public static AwsHttpResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public AwsHttpResponse withHeader(String name, String value) {
        // sized for the one more header up front: copying with the default sizing would resize on the put
        Map<String, String> copy = new LinkedHashMap<>(Math.max(4, (headers.size() + 1) * 2));
        copy.putAll(headers);
        copy.put(name, value);
        return new AwsHttpResponse(status, copy, body);
    }
}
