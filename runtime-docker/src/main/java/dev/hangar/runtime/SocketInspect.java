package dev.hangar.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Container mode's self-inspection over the engine's unix socket with one plain HTTP/1.0 request, parsed with
 * jackson-core: it runs on Hangar's start path, where setting up docker-java (~750 classes) would cost about half a
 * second; the runtime proper connects later, off that path. Only what {@link SelfContainer} needs is read.
 */
final class SocketInspect {

    private static final long TIMEOUT_MILLIS = 3_000;
    private static final JsonFactory JSON = new JsonFactory();

    private SocketInspect() {
    }

    /** The engine's unix socket from DOCKER_HOST (default /var/run/docker.sock); empty for a tcp engine. */
    static Optional<Path> socket(String dockerHost) {
        if (dockerHost == null || dockerHost.isBlank()) {
            return Optional.of(Path.of("/var/run/docker.sock"));
        }
        return dockerHost.startsWith("unix://") ? Optional.of(Path.of(URI.create(dockerHost).getPath())) : Optional.empty();
    }

    /** GET /containers/{candidate}/json; empty when the engine knows no such container. */
    static Optional<SelfContainer> inspect(Path socket, String candidate) throws IOException {
        String body = get(socket, "/containers/" + candidate + "/json");
        if (body == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) read(body);
        String id = (String) root.get("Id");
        if (id == null || !id.startsWith(candidate)) {
            return Optional.empty(); // found by name, not by id: not us
        }
        String mode = (String) path(root, "HostConfig", "NetworkMode");
        Object networks = path(root, "NetworkSettings", "Networks");
        if ("host".equals(mode) || !(networks instanceof Map<?, ?> nets) || nets.isEmpty()) {
            return Optional.of(new SelfContainer(id, "host", "127.0.0.1"));
        }
        Object name = mode != null && nets.containsKey(mode) ? mode : nets.keySet().iterator().next();
        return Optional.of(new SelfContainer(id, (String) name, (String) path(nets.get(name), "IPAddress")));
    }

    private static Object path(Object node, String... keys) {
        for (String k : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(k);
        }
        return node;
    }

    /** The body of a 200; null for a 404; IOException otherwise. */
    private static String get(Path socket, String path) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        // a blocking channel has no read timeout: the exchange runs on a thread of its own, bounded from here
        CompletableFuture<byte[]> exchange = CompletableFuture.supplyAsync(() -> {
            try {
                channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
                while (channel.read(buf) >= 0) { // HTTP/1.0: the engine closes after its answer
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] response;
        try {
            response = exchange.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + socket + " within " + TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            channel.close();
        }
        String text = new String(response, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        String[] status = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ");
        if (headerEnd < 0 || status.length < 2) {
            throw new IOException("unreadable answer from " + socket);
        }
        return switch (status[1]) {
            case "200" -> text.substring(headerEnd + 4);
            case "404" -> null;
            default -> throw new IOException("engine answered " + status[1] + " to GET " + path);
        };
    }

    private static Object read(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                m.put(k, value(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p); // no array is needed: skipped
            }
            return null;
        }
        return t == JsonToken.VALUE_STRING ? p.getText() : t == JsonToken.VALUE_NULL ? null : p.getText();
    }
}
