package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** The one Jackson JSON factory of the codecs (thread-safe, expensive to create); {@link Cbor} has the CBOR one. */
final class Json {

    /** CreateFunction carries a base64 zip of up to 50 MB inline: far beyond Jackson's default 20 MB string cap. */
    static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxStringLength(128 * 1024 * 1024).build();

    static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(READ_LIMITS).build();

    private Json() {
    }

    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    static byte[] write(Body body) {
        return write(FACTORY, body);
    }

    /** The bytes a generator of that factory (JSON or CBOR) writes. */
    static byte[] write(JsonFactory factory, Body body) {
        BodyBytes out = new BodyBytes();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Collects what the generator flushes. The generator buffers internally and a body under its buffer size (8 KB)
     * arrives in one write on close, which becomes the result as it is: one array, not a growing buffer plus a copy.
     */
    private static final class BodyBytes extends OutputStream {
        private static final byte[] EMPTY = new byte[0];
        private byte[] first;
        private ByteArrayOutputStream more;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (more != null) {
                more.write(b, off, len);
            } else if (first == null) {
                first = Arrays.copyOfRange(b, off, off + len);
            } else {
                more = new ByteArrayOutputStream(Math.max(256, (first.length + len) * 2));
                more.write(first, 0, first.length);
                more.write(b, off, len);
                first = null;
            }
        }

        byte[] toByteArray() {
            return more != null ? more.toByteArray() : first != null ? first : EMPTY;
        }
    }
}
