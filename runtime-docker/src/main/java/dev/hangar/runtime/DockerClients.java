package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.time.Duration;

/**
 * The two clients a runtime holds. Both connect with a short timeout, so an absent engine fails a call at once. The
 * work client has no response timeout, because stop waits out its grace period and the event and log streams stay
 * open for hours; the probe client answers within a second or two or reports the engine as unavailable.
 */
final class DockerClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration PROBE_RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    /** Each followed log and the event stream hold one connection for as long as they run. */
    private static final int MAX_CONNECTIONS = 512;

    private DockerClients() {
    }

    static DockerClient work(DockerClientConfig config) {
        return build(config, null);
    }

    static DockerClient probe(DockerClientConfig config) {
        return build(config, PROBE_RESPONSE_TIMEOUT);
    }

    private static DockerClient build(DockerClientConfig config, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
