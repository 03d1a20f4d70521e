package dev.hangar.ssm.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What GetParameter answers for a SecureString without WithDecryption: AWS answers the base64 of the KMS ciphertext
 * blob, which starts "AQICAH" (the blob's version and key-material header). Hangar has no KMS, so it makes a blob of
 * the same shape from random bytes: it looks like AWS's, is stable per version, and tells nothing of the value.
 */
public final class Ciphertext {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The header of a KMS ciphertext blob as AWS's SecureString answers show it ("AQICAHg" in base64). */
    private static final byte[] HEADER = {0x01, 0x02, 0x02, 0x00, 0x78};
    /** The bytes a KMS envelope adds around the data (key ARN reference, IV, tag), roughly. */
    private static final int ENVELOPE = 150;

    private Ciphertext() {
    }

    public static String of(String value) {
        int length = HEADER.length + ENVELOPE + value.getBytes(StandardCharsets.UTF_8).length;
        byte[] blob = new byte[length];
        RANDOM.nextBytes(blob);
        System.arraycopy(HEADER, 0, blob, 0, HEADER.length);
        return Base64.getEncoder().encodeToString(blob);
    }
}
