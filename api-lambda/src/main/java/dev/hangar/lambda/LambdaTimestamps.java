package dev.hangar.lambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Lambda's LastModified format: 2026-11-25T13:45:00.000+0000 (a string member, not a timestamp shape). */
public final class LambdaTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private LambdaTimestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
