package dev.hangar.core.resource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The authentication of page tokens: an HMAC-SHA256 tag, cut to 16 bytes, over the token's body and the request it
 * belongs to, under a key made once per process. A token Hangar did not make, or made for another request, or made
 * before a restart, does not verify. The key is made on first use, not at start: SecureRandom's set-up is a
 * noticeable part of a start, and most starts never page.
 */
final class TokenSeal {

    static final int TAG_BYTES = 16;

    private TokenSeal() {
    }

    /** The per-process key, made when first asked for (the holder class is loaded then). */
    private static final class ProcessKey {
        static final SecretKeySpec KEY;

        static {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            KEY = new SecretKeySpec(key, "HmacSHA256");
        }
    }

    /** A Mac per thread: Mac is not thread-safe, and getInstance is a provider lookup worth sparing per token. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(ProcessKey.KEY);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    static byte[] tag(byte[] context, byte[] body) {
        Mac mac = MACS.get();
        mac.update(context);
        mac.update(body);
        return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    }

    /** Compares in constant time, so that the tag cannot be guessed byte by byte from response times. */
    static boolean verifies(byte[] context, byte[] body, byte[] tag) {
        return MessageDigest.isEqual(tag(context, body), tag);
    }
}
