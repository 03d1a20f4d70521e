package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * The three clients a runtime holds, which differ only in how long they wait for an answer (docker-java sets that
 * per client, not per call). All connect with a short timeout, so an absent engine fails a call at once.
 * <ul>
 *   <li>{@code calls}: create, start, inspect, remove, list: quick for a healthy engine, bounded so that a wedged
 *       one cannot hold a worker forever;</li>
 *   <li>{@code streams}: no bound, for the event stream and log follows (open for hours), pulls, and stop (which
 *       answers only after the grace period);</li>
 *   <li>{@code probe}: answers within seconds or the engine counts as unavailable.</li>
 * </ul>
 */
final class DockerClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerClients.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CALL_RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    static final Duration PROBE_RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    /** Each followed log and the event stream hold one connection for as long as they run. */
    private static final int MAX_STREAM_CONNECTIONS = 1024;
    private static final int MAX_CALL_CONNECTIONS = 64;

    final DockerClient calls;
    final DockerClient streams;
    /** The transport under {@link #streams}, for the log reader that parses frames itself. */
    final DockerHttpClient streamsHttp;
    final DockerClient probe;

    private DockerClients(DockerClientConfig config) {
        DockerHttpClient callsHttp = http(config, CALL_RESPONSE_TIMEOUT, MAX_CALL_CONNECTIONS);
        this.streamsHttp = http(config, null, MAX_STREAM_CONNECTIONS);
        DockerHttpClient probeHttp = http(config, PROBE_RESPONSE_TIMEOUT, 2);
        this.calls = DockerClientImpl.getInstance(config, callsHttp);
        this.streams = DockerClientImpl.getInstance(config, streamsHttp);
        this.probe = DockerClientImpl.getInstance(config, probeHttp);
    }

    static DockerClients open(DockerClientConfig config) {
        return new DockerClients(config);
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout, int maxConnections) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig() != null ? config.getSSLConfig() : PlainHostTls.UNUSED)
                .maxConnections(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return http.build();
    }

    @Override
    public void close() {
        for (DockerClient c : new DockerClient[]{calls, streams, probe}) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("Closing a Docker client failed", e);
            }
        }
    }
}
