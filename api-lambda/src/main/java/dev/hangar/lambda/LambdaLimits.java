package dev.hangar.lambda;

/** AWS Lambda's fixed quotas (GetAccountSettings reports the same numbers). */
public final class LambdaLimits {

    public static final long CODE_SIZE_ZIPPED = 52_428_800L;
    public static final long CODE_SIZE_UNZIPPED = 262_144_000L;
    public static final long TOTAL_CODE_SIZE = 80_530_636_800L;
    public static final int SYNC_PAYLOAD_BYTES = 6_291_456;
    public static final int ASYNC_PAYLOAD_BYTES = 1_048_576;
    public static final int ENVIRONMENT_BYTES = 4096;
    public static final int MIN_UNRESERVED_CONCURRENCY = 100;
    public static final int DEFAULT_TIMEOUT = 3;
    public static final int DEFAULT_MEMORY = 128;
    public static final int DEFAULT_EPHEMERAL_STORAGE = 512;

    private LambdaLimits() {
    }
}
