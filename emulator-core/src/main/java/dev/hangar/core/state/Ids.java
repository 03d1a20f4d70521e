package dev.hangar.core.state;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in AWS's formats. */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /**
     * A random version-4 UUID, as request ids and ECS container ids are. Not for secrets: it draws from
     * ThreadLocalRandom because SecureRandom's lock shows up at tens of thousands of requests per second.
     */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** 32 lower-case hex digits, as ECS task ids and Lambda log stream suffixes are. */
    public static String hex32() {
        return hex(32);
    }

    public static String hex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
