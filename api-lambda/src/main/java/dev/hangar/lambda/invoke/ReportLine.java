package dev.hangar.lambda.invoke;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The REPORT line Lambda writes after each invocation.
 *
 * @param maxMemoryUsedMb null when the container's memory could not be read: the field is then left out
 * @param initDurationMs  only on an environment's first invocation
 * @param status          null on success; "timeout" or "error" as AWS's newer REPORT lines carry it
 * @param errorType       with status "error": what ended the runtime
 */
record ReportLine(String requestId, double durationMs, int memorySizeMb, Long maxMemoryUsedMb, Double initDurationMs,
                  String status, String errorType) {

    String text() {
        StringBuilder out = new StringBuilder(180);
        out.append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMillis()).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB");
        if (maxMemoryUsedMb != null) {
            out.append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        }
        if (initDurationMs != null) {
            out.append("\tInit Duration: ").append(millis(initDurationMs)).append(" ms");
        }
        if (status != null) {
            out.append("\tStatus: ").append(status);
            if (errorType != null) {
                out.append("\tError Type: ").append(errorType);
            }
        }
        return out.append('\t').toString();
    }

    /** AWS bills by the millisecond, rounding up. */
    long billedMillis() {
        return Math.max(1, (long) Math.ceil(durationMs));
    }

    /**
     * What %.2f gives (half up from the shortest decimal form of the double, which is what BigDecimal.valueOf
     * starts from), at a fifth of a Formatter's cost.
     */
    static String millis(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
