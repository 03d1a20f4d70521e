package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.utils.DateUtils;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Base64;

/**
 * Scalars as text, for URI paths, query strings and headers: timestamps ISO 8601 in paths and queries, RFC 822 in
 * headers, epoch seconds in JSON, unless the member's TimestampFormatTrait says otherwise.
 */
final class TextValues {

    private TextValues() {
    }

    /**
     * @throws BadInput when the text is not a value of that type
     */
    static Object parse(ValueType type, String text, Format defaultTimestampFormat) {
        try {
            return switch (type.kind) {
                case STRING -> text;
                case INTEGER -> Integer.valueOf(text.strip());
                case LONG -> Long.valueOf(text.strip());
                case SHORT -> Short.valueOf(text.strip());
                case BYTE -> Byte.valueOf(text.strip());
                case FLOAT -> Float.valueOf(text.strip());
                case DOUBLE -> Double.valueOf(text.strip());
                case BIG_DECIMAL -> new BigDecimal(text.strip());
                case BOOLEAN -> parseBoolean(text.strip());
                case BYTES -> SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(text.strip()));
                case INSTANT -> parseTimestamp(text.strip(),
                        type.timestampFormat != null ? type.timestampFormat : defaultTimestampFormat);
                default -> throw new BadInput("A " + type.kind + " cannot be sent as text");
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new BadInput("'" + text + "' can not be converted to " + type.describe());
        }
    }

    static String format(ValueType type, Object value, Format defaultTimestampFormat) {
        return switch (type.kind) {
            case INSTANT -> formatTimestamp((Instant) value,
                    type.timestampFormat != null ? type.timestampFormat : defaultTimestampFormat);
            case BYTES -> Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe());
            default -> String.valueOf(value);
        };
    }

    static Instant parseTimestamp(String text, Format format) {
        switch (format) {
            case RFC_822:
                return DateUtils.parseRfc822Date(text);
            case ISO_8601:
                return DateUtils.parseIso8601Date(text);
            case UNIX_TIMESTAMP:
                return epochSeconds(new BigDecimal(text));
            case UNIX_TIMESTAMP_MILLIS:
                return epochSeconds(new BigDecimal(text).movePointLeft(3));
            default:
                throw new IllegalArgumentException("unknown timestamp format " + format);
        }
    }

    static String formatTimestamp(Instant instant, Format format) {
        return switch (format) {
            case RFC_822 -> DateUtils.formatRfc822Date(instant);
            case ISO_8601 -> DateUtils.formatIso8601Date(instant);
            case UNIX_TIMESTAMP -> epochSecondsText(instant);
            case UNIX_TIMESTAMP_MILLIS -> Long.toString(instant.toEpochMilli());
        };
    }

    /** Any timestamp text a client might send in JSON: ISO 8601, RFC 822 or epoch seconds; null if none fits. */
    static Instant parseAnyTimestamp(String text) {
        for (Format format : new Format[] {Format.ISO_8601, Format.UNIX_TIMESTAMP, Format.RFC_822}) {
            try {
                return parseTimestamp(text.strip(), format);
            } catch (RuntimeException ignored) {
                // try the next form
            }
        }
        return null;
    }

    static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** "1700000000" or "1700000000.123": plain notation, no trailing zeros, as AWS writes them. */
    static String epochSecondsText(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (nanos == 0) {
            return Long.toString(seconds);
        }
        if (seconds < 0) {
            return BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros().toPlainString();
        }
        // what the BigDecimal sum prints, without the BigDecimals: seconds, '.', the nanos' digits without trailing 0s
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        String fraction = Integer.toString(nanos);
        StringBuilder text = new StringBuilder(20 + digits).append(seconds).append('.');
        for (int pad = digits - fraction.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }

    private static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }
}
