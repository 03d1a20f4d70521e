package dev.hangar.core.protocol;

import com.sun.net.httpserver.HttpServer;
import dev.hangar.core.http.AwsHttpResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** An HTTP server on 127.0.0.1 that answers every request with the response set last: our codec's bytes. */
final class CannedHttpServer implements AutoCloseable {

    static {
        // without it each small response waits on Nagle + delayed ACK (~40-200 ms a call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final AtomicReference<AwsHttpResponse> next = new AtomicReference<>();

    CannedHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            AwsHttpResponse response = next.get();
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().add(header.getKey(), header.getValue());
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(AwsHttpResponse response) {
        next.set(response);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
