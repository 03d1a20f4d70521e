package dev.hangar.lambda.code;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Unix permission bits a zip's central directory records per entry (java.util.zip does not expose them).
 * They matter: a custom runtime's bootstrap must stay executable. Zip64 archives and archives made on other
 * systems yield no modes; their files get the defaults.
 */
final class ZipModes {

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int UNIX_HOST = 3;

    private ZipModes() {
    }

    /** Entry name → permission bits (0777 mask), for entries made on Unix. */
    static Map<String, Integer> read(byte[] zip) {
        Map<String, Integer> modes = new HashMap<>();
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (buf.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return modes;
        }
        long cdOffset = buf.getInt(eocd + 16) & 0xFFFFFFFFL;
        int entries = buf.getShort(eocd + 10) & 0xFFFF;
        if (cdOffset >= zip.length) {
            return modes;
        }
        int pos = (int) cdOffset;
        for (int n = 0; n < entries && pos + 46 <= zip.length; n++) {
            if (buf.getInt(pos) != CENTRAL_HEADER) {
                break;
            }
            int host = (buf.getShort(pos + 4) & 0xFFFF) >>> 8;
            int nameLength = buf.getShort(pos + 28) & 0xFFFF;
            int extraLength = buf.getShort(pos + 30) & 0xFFFF;
            int commentLength = buf.getShort(pos + 32) & 0xFFFF;
            int mode = (buf.getInt(pos + 38) >>> 16) & 0xFFFF;
            if (pos + 46 + nameLength > zip.length) {
                break;
            }
            String name = new String(zip, pos + 46, nameLength, StandardCharsets.UTF_8);
            if (host == UNIX_HOST && (mode & 0777) != 0) {
                modes.put(name, mode & 0777);
            }
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }
}
