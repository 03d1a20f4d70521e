package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import software.amazon.awssdk.core.SdkNumber;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The CBOR side of {@link SdkPojoReader} and {@link SdkPojoWriter}. Jackson's CBOR parser and generator are a
 * JsonParser and a JsonGenerator, so the reader and writer walk both formats with the same code; what CBOR carries
 * differently is decided here and nowhere else:
 *
 * <ul>
 * <li>timestamps: tag 1 around epoch seconds, an integer when whole, else a double (JSON: a plain number);</li>
 * <li>blobs: byte strings. {@code writeBinary} and {@code getBinaryValue} already do that for a CBOR generator and
 *     parser (JSON: base64 text), so the writer needs no case of its own and the reader only accepts the token;</li>
 * <li>NaN and the infinities: CBOR floats as they are (JSON has no literal for them: AWS spells them as strings);</li>
 * <li>document numbers: typed CBOR numbers (JSON writes their text as it is; CBOR would make that a string).</li>
 * </ul>
 *
 * A body is a map of definite length when its size is known up front (lists and maps) and of indefinite length
 * otherwise (structures, whose null members are skipped), as the SDK writes them; readers accept both.
 */
final class Cbor {

    /** The epoch-based date/time tag (RFC 8949 section 3.4.2). */
    private static final int EPOCH_TAG = 1;

    static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(Json.READ_LIMITS)
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .build();

    private Cbor() {
    }

    static byte[] write(Json.Body body) {
        return Json.write(FACTORY, body);
    }

    /** Whether the generator writes CBOR: a class check, so the JSON path pays no more than one compare. */
    static boolean writes(JsonGenerator g) {
        return g instanceof CBORGenerator;
    }

    /**
     * Whole seconds as an integer; otherwise a double, which holds milliseconds exactly enough for the SDK (it
     * rounds to milliseconds) and gives back the same text of seconds when read ("1.700000000123E9").
     */
    static void writeEpochSeconds(JsonGenerator g, Instant instant) throws IOException {
        CBORGenerator cbor = (CBORGenerator) g;
        cbor.writeTag(EPOCH_TAG);
        if (instant.getNano() == 0) {
            cbor.writeNumber(instant.getEpochSecond());
        } else {
            cbor.writeNumber(instant.getEpochSecond() + instant.getNano() / 1e9);
        }
    }

    /** An integer when written without a fraction, else a double when that holds it exactly, else a decimal. */
    static void writeNumber(JsonGenerator g, SdkNumber number) throws IOException {
        String text = number.stringValue();
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException nonFinite) {
            g.writeNumber(Double.parseDouble(text));
            return;
        }
        if (decimal.scale() <= 0) {
            BigInteger whole = decimal.toBigIntegerExact();
            if (whole.bitLength() < 64) {
                g.writeNumber(whole.longValue());
            } else {
                g.writeNumber(whole);
            }
            return;
        }
        double approximate = decimal.doubleValue();
        if (Double.isFinite(approximate) && new BigDecimal(Double.toString(approximate)).compareTo(decimal) == 0) {
            g.writeNumber(approximate);
        } else {
            g.writeNumber(decimal);
        }
    }
}
