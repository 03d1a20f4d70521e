package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Writes SDK model objects as JSON or CBOR with Jackson's streaming generator over the precomputed
 * {@link PojoShape}s; the few values CBOR carries differently are {@link Cbor}'s. Nothing is written for null members
 * or for lists/maps the caller never set (SdkAutoConstruct*: unset is not []).
 */
final class SdkPojoWriter {

    private SdkPojoWriter() {
    }

    /** The body members of a model object as one JSON object. */
    static void writeStructure(JsonGenerator g, SdkPojo pojo, PojoShape shape) throws IOException {
        g.writeStartObject();
        writeMembers(g, pojo, shape);
        g.writeEndObject();
    }

    /** The body members without the enclosing braces, so callers can add members (error bodies). */
    static void writeMembers(JsonGenerator g, SdkPojo pojo, PojoShape shape) throws IOException {
        for (PojoShape.Member member : shape.bodyMembers) {
            Object value = member.get(pojo);
            if (value == null || member.collection && isUnset(value)) {
                continue;
            }
            g.writeFieldName(member.writeNameJson);
            writeValue(g, value, member.type);
        }
    }

    private static boolean isUnset(Object collection) {
        return collection instanceof SdkAutoConstructList || collection instanceof SdkAutoConstructMap;
    }

    static void writeValue(JsonGenerator g, Object value, ValueType type) throws IOException {
        switch (type.kind) {
            case STRING -> g.writeString((String) value);
            case INTEGER -> g.writeNumber((Integer) value);
            case LONG -> g.writeNumber((Long) value);
            case SHORT -> g.writeNumber((Short) value);
            case BYTE -> g.writeNumber((Byte) value);
            case FLOAT -> writeDouble(g, ((Float) value).doubleValue(), true);
            case DOUBLE -> writeDouble(g, (Double) value, false);
            case BIG_DECIMAL -> g.writeNumber((BigDecimal) value);
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case INSTANT -> writeInstant(g, (Instant) value, type.timestampFormat);
            case BYTES -> {
                byte[] bytes = ((SdkBytes) value).asByteArrayUnsafe();
                g.writeBinary(bytes, 0, bytes.length);
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                // the size makes a definite-length CBOR array; JSON ignores it
                g.writeStartArray(null, list.size());
                if (list instanceof RandomAccess) {
                    // model lists are unmodifiable wrappers of array lists: indexing spares two iterators per list
                    for (int i = 0, n = list.size(); i < n; i++) {
                        writeElement(g, list.get(i), type.element);
                    }
                } else {
                    for (Object element : list) {
                        writeElement(g, element, type.element);
                    }
                }
                g.writeEndArray();
            }
            case MAP -> {
                Map<?, ?> map = (Map<?, ?>) value;
                g.writeStartObject(null, map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    g.writeFieldName(String.valueOf(entry.getKey()));
                    if (entry.getValue() == null) {
                        g.writeNull();
                    } else {
                        writeValue(g, entry.getValue(), type.element);
                    }
                }
                g.writeEndObject();
            }
            case POJO -> writeStructure(g, (SdkPojo) value, PojoShape.of(value.getClass()));
            case DOCUMENT -> writeDocument(g, (Document) value);
            default -> throw new IllegalStateException("unhandled " + type.kind);
        }
    }

    private static void writeElement(JsonGenerator g, Object element, ValueType type) throws IOException {
        if (element == null) {
            g.writeNull();
        } else {
            writeValue(g, element, type);
        }
    }

    private static void writeDouble(JsonGenerator g, double value, boolean isFloat) throws IOException {
        if (!Double.isFinite(value) && !Cbor.writes(g)) {
            g.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        } else if (isFloat) {
            g.writeNumber((float) value);
        } else {
            g.writeNumber(value);
        }
    }

    /** An explicit format holds in CBOR too: the SDK's marshaller honours it there, although the spec says not to. */
    private static void writeInstant(JsonGenerator g, Instant instant, Format format) throws IOException {
        Format effective = format != null ? format : Format.UNIX_TIMESTAMP;
        switch (effective) {
            case UNIX_TIMESTAMP -> {
                if (Cbor.writes(g)) {
                    Cbor.writeEpochSeconds(g, instant);
                } else {
                    g.writeNumber(TextValues.epochSecondsText(instant));
                }
            }
            case UNIX_TIMESTAMP_MILLIS -> g.writeNumber(instant.toEpochMilli());
            default -> g.writeString(TextValues.formatTimestamp(instant, effective));
        }
    }

    private static void writeDocument(JsonGenerator g, Document document) throws IOException {
        if (document == null || document.isNull()) {
            g.writeNull();
        } else if (document.isBoolean()) {
            g.writeBoolean(document.asBoolean());
        } else if (document.isString()) {
            g.writeString(document.asString());
        } else if (document.isNumber()) {
            if (Cbor.writes(g)) {
                Cbor.writeNumber(g, document.asNumber());
            } else {
                g.writeNumber(document.asNumber().stringValue());
            }
        } else if (document.isList()) {
            g.writeStartArray();
            for (Document element : document.asList()) {
                writeDocument(g, element);
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                g.writeFieldName(entry.getKey());
                writeDocument(g, entry.getValue());
            }
            g.writeEndObject();
        }
    }
}
