package dev.hangar.secretsmanager;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names and checks the Secrets Manager tests share. */
final class SecretsTestData {

    static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SecretsTestData() {
    }

    /** A name no other test of the run uses. */
    static String unique(String base) {
        return base + "-n" + SEQUENCE.incrementAndGet();
    }

    /** A ClientRequestToken (32-64 characters), distinct per call. */
    static String token(String tag) {
        return String.format("%-32s", tag + "-" + SEQUENCE.incrementAndGet()).replace(' ', 'x');
    }

    /** The error's code, HTTP status and message as AWS sends them. */
    static void assertError(AwsServiceException e, String code, int status, String message) {
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(status, e.statusCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }
}
