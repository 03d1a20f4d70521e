package dev.hangar.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of URI path segments ('+' stays '+': only query strings use it for space). */
final class PercentCodec {

    private PercentCodec() {
    }

    /** @throws BadInput on a malformed escape */
    static String decodePath(String raw) {
        int first = raw.indexOf('%');
        if (first < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%') {
                if (i + 2 >= utf8.length) {
                    throw new BadInput("Malformed percent-encoding in path segment '" + raw + "'");
                }
                int hi = Character.digit(utf8[i + 1], 16);
                int lo = Character.digit(utf8[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new BadInput("Malformed percent-encoding in path segment '" + raw + "'");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
