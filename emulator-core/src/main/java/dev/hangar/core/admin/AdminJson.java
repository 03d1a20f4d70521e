package dev.hangar.core.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hangar.core.http.AwsHttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON answers of Hangar's admin endpoints: one object, and errors as {"__type", "message"}. */
final class AdminJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AdminJson() {
    }

    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    static AwsHttpResponse json(int status, Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AwsHttpResponse.of(status, "application/json", out.toByteArray());
    }

    /** The container runtime's state, as health and the console both show it. */
    static void writeRuntime(JsonGenerator g, RuntimeAdmin.Health health) throws IOException {
        g.writeObjectFieldStart("runtime");
        g.writeStringField("engine", health.engine());
        g.writeBooleanField("available", health.available());
        g.writeStringField("detail", health.detail());
        g.writeStringField("mode", health.container() == null ? "host" : "container");
        if (health.container() != null) {
            g.writeObjectFieldStart("container");
            g.writeStringField("id", health.container().id());
            g.writeStringField("network", health.container().network());
            g.writeStringField("address", health.container().address());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static AwsHttpResponse error(int status, String code, String message) {
        return json(status, g -> {
            g.writeStringField("__type", code);
            g.writeStringField("message", message);
        });
    }
}
