package dev.hangar.runtime;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One reading of a container's resource usage, as the engine writes it (GET /containers/{id}/stats?stream=false):
 * kept as the engine's JSON, since the ECS task metadata endpoint serves exactly that. The engine samples twice
 * (precpu_stats is the first sample), so a reading takes about a second.
 */
final class EngineStats {

    private EngineStats() {
    }

    static String read(DockerHttpClient http, String containerId) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/stats?stream=false")
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200) {
                throw new ContainerRuntimeException("Cannot read stats of container " + containerId + ": HTTP "
                        + response.getStatusCode() + ": " + text.trim());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
