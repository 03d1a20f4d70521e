package dev.hangar.lambda.invoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The test playing a runtime: talks to one environment's Runtime API as a runtime interface client would. */
final class RuntimeApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RuntimeApiClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/2018-06-01/runtime/";
    }

    CompletableFuture<HttpResponse<String>> next() {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> respond(String requestId, String body) throws IOException, InterruptedException {
        return post("invocation/" + requestId + "/response", body.getBytes(StandardCharsets.UTF_8), null);
    }

    HttpResponse<String> respond(String requestId, byte[] body) throws IOException, InterruptedException {
        return post("invocation/" + requestId + "/response", body, null);
    }

    HttpResponse<String> error(String requestId, String body, String errorType) throws IOException, InterruptedException {
        return post("invocation/" + requestId + "/error", body.getBytes(StandardCharsets.UTF_8), errorType);
    }

    HttpResponse<String> initError(String body, String errorType) throws IOException, InterruptedException {
        return post("init/error", body.getBytes(StandardCharsets.UTF_8), errorType);
    }

    private HttpResponse<String> post(String path, byte[] body, String errorType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
