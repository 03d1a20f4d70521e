package dev.hangar.core.state;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in AWS's formats. */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** A random UUID, as request ids and ECS container ids are. */
    public static String uuid() {
        return UUID.randomUUID().toString();
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
