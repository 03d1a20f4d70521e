package dev.hangar.junit5;

import dev.hangar.server.Hangar;
import dev.hangar.server.HangarConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** One Hangar a {@link HangarExtension} started, with the clients pointed at it. */
final class RunningHangar implements AutoCloseable {

    private final Hangar hangar;
    private final HangarInfo info;
    private final ServiceClients clients;
    private final AtomicInteger testsStarted = new AtomicInteger();
    private volatile boolean closed;

    private RunningHangar(Hangar hangar, HangarInfo info) {
        this.hangar = hangar;
        this.info = info;
        this.clients = new ServiceClients(info);
    }

    /**
     * Starts the real Hangar ({@code Hangar.start}, as {@code java -jar hangar.jar} does, less the logback set-up:
     * its log goes to whichever SLF4J binding the tests have).
     *
     * @throws IllegalArgumentException when a setting is malformed, with the variable's name
     */
    static RunningHangar start(Settings settings) {
        HangarConfig config = HangarConfig.fromEnvironment(settings.hangarEnvironment());
        try {
            Hangar hangar = Hangar.start(config);
            return new RunningHangar(hangar, new HangarInfo(hangar.server().endpoint(), config.defaultAccount()));
        } catch (IOException e) {
            throw new UncheckedIOException("Hangar did not start: " + e.getMessage(), e);
        }
    }

    HangarInfo info() {
        return info;
    }

    <C> C client(Class<C> type) {
        return clients.get(type);
    }

    /** How many tests had begun on this Hangar before this one. */
    int testStarting() {
        return testsStarted.getAndIncrement();
    }

    /** Drops every service's resources and this Hangar's containers, through the admin endpoint users have. */
    void reset() {
        try {
            HttpURLConnection post = (HttpURLConnection) info.endpoint().resolve("/_hangar/state/reset").toURL()
                    .openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.getOutputStream().close();
            int status = post.getResponseCode();
            InputStream body = status < 400 ? post.getInputStream() : post.getErrorStream();
            String answer = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException("Hangar's state reset answered " + status + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Hangar's state reset failed: " + e.getMessage(), e);
        }
    }

    /** The clients, then Hangar (which removes the containers it started). Once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.close();
        } finally {
            hangar.close();
        }
    }
}
