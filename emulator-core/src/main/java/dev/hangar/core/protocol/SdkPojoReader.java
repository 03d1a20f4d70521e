package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON or CBOR into SDK model builders by walking the precomputed {@link PojoShape}s with Jackson's streaming
 * parser: no tree, no per-request reflection. Unknown members are skipped (as AWS does), null means "not set", and a
 * member of the wrong type fails with {@link BadInput} naming the member path. The two formats share every value
 * rule but blobs (see {@link Cbor}): numbers, tag-1 timestamps and floats need nothing of their own, since CBOR's
 * parser reports them as the number tokens JSON's does and leaves the tag aside.
 */
final class SdkPojoReader {

    private SdkPojoReader() {
    }

    /**
     * Reads a whole JSON object body into the builder's body members. An empty body reads as {}.
     *
     * @throws BadInput for malformed JSON or wrong member types
     */
    static void readBody(byte[] body, int offset, int length, PojoShape shape, SdkPojo builder) {
        if (isBlank(body, offset, length)) {
            return;
        }
        if (length == 2 && body[offset] == '{' && body[offset + 1] == '}') {
            return; // the empty object (ListClusters and friends): no parser needed, nothing to set
        }
        try (JsonParser p = Json.FACTORY.createParser(body, offset, length)) {
            readTopLevel(p, shape, builder, "JSON object");
        } catch (JsonProcessingException e) {
            throw new BadInput(e.getOriginalMessage() + " at " + location(e));
        } catch (IOException e) {
            throw new BadInput(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Reads a whole CBOR map body into the builder's body members. Only an empty body reads as {}: the bytes JSON
     * skips as blanks are CBOR values.
     *
     * @throws BadInput for malformed CBOR or wrong member types
     */
    static void readCborBody(byte[] body, int offset, int length, PojoShape shape, SdkPojo builder) {
        if (length == 0) {
            return;
        }
        try (JsonParser p = Cbor.FACTORY.createParser(body, offset, length)) {
            readTopLevel(p, shape, builder, "CBOR map");
        } catch (JsonProcessingException e) {
            throw new BadInput(e.getOriginalMessage() + " at " + location(e));
        } catch (IOException e) {
            throw new BadInput(String.valueOf(e.getMessage()));
        }
    }

    /** @param container what the body must be, "JSON object" or "CBOR map", for the messages */
    private static void readTopLevel(JsonParser p, PojoShape shape, SdkPojo builder, String container)
            throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.VALUE_NULL) {
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new BadInput("Expected a " + container + " as the request body, found " + tokenName(first));
        }
        readMembers(p, shape, builder);
        if (p.nextToken() != null) {
            throw new BadInput("Unexpected content after the " + container + " at " + location(p));
        }
    }

    /** Reads a JSON value (used for an explicit structure payload) as a complete structure of that shape. */
    static SdkPojo readStructureBody(byte[] body, PojoShape shape) {
        SdkPojo builder = shape.newBuilder();
        readBody(body, 0, body.length, shape, builder);
        return PojoShape.build(builder);
    }

    private static void readMembers(JsonParser p, PojoShape shape, SdkPojo builder) throws IOException {
        Map<String, PojoShape.Member> byName = shape.bodyMembersByReadName;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            PojoShape.Member member = byName.get(name);
            if (member == null) {
                p.skipChildren();
                continue;
            }
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            Object value;
            try {
                value = readValue(p, token, member.type);
            } catch (BadInput e) {
                throw e.at(name);
            }
            member.set(builder, value);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new BadInput("Expected a member name or '}', found " + tokenName(p.currentToken()));
        }
    }

    private static Object readValue(JsonParser p, JsonToken token, ValueType type) throws IOException {
        switch (type.kind) {
            case STRING:
                if (token == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                throw mismatch(token, type);
            case INTEGER:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return coerce(p, type, () -> p.getIntValue());
                }
                throw mismatch(token, type);
            case LONG:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return coerce(p, type, () -> p.getLongValue());
                }
                throw mismatch(token, type);
            case SHORT:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return coerce(p, type, () -> p.getShortValue());
                }
                throw mismatch(token, type);
            case BYTE:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return coerce(p, type, () -> p.getByteValue());
                }
                throw mismatch(token, type);
            case FLOAT:
                if (token.isNumeric()) {
                    return p.getFloatValue();
                }
                if (token == JsonToken.VALUE_STRING) {
                    return (float) specialDouble(p.getText(), type);
                }
                throw mismatch(token, type);
            case DOUBLE:
                if (token.isNumeric()) {
                    return p.getDoubleValue();
                }
                if (token == JsonToken.VALUE_STRING) {
                    return specialDouble(p.getText(), type);
                }
                throw mismatch(token, type);
            case BIG_DECIMAL:
                if (token.isNumeric()) {
                    return p.getDecimalValue();
                }
                throw mismatch(token, type);
            case BOOLEAN:
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return token == JsonToken.VALUE_TRUE;
                }
                throw mismatch(token, type);
            case INSTANT:
                return readInstant(p, token, type);
            case BYTES:
                // base64 text in JSON, a byte string (an embedded object to Jackson) in CBOR
                if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_EMBEDDED_OBJECT) {
                    try {
                        return SdkBytes.fromByteArrayUnsafe(p.getBinaryValue());
                    } catch (JsonProcessingException e) {
                        throw new BadInput("Invalid base64 in a Blob: " + e.getOriginalMessage());
                    }
                }
                throw mismatch(token, type);
            case LIST:
                return readList(p, token, type);
            case MAP:
                return readMap(p, token, type);
            case POJO:
                if (token != JsonToken.START_OBJECT) {
                    throw mismatch(token, type);
                }
                SdkPojo nested = type.newBuilder();
                readMembers(p, type.shape(), nested);
                return PojoShape.build(nested);
            case DOCUMENT:
                return readDocument(p, token);
            default:
                throw new IllegalStateException("unhandled " + type.kind);
        }
    }

    private static List<Object> readList(JsonParser p, JsonToken token, ValueType type) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw mismatch(token, type);
        }
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NULL) {
                list.add(null);
                continue;
            }
            try {
                list.add(readValue(p, t, type.element));
            } catch (BadInput e) {
                throw e.at("[" + list.size() + "]");
            }
        }
        return list;
    }

    private static Map<String, Object> readMap(JsonParser p, JsonToken token, ValueType type) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw mismatch(token, type);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                map.put(key, null);
                continue;
            }
            try {
                map.put(key, readValue(p, t, type.element));
            } catch (BadInput e) {
                throw e.at(key);
            }
        }
        return map;
    }

    private static Instant readInstant(JsonParser p, JsonToken token, ValueType type) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal number = p.getDecimalValue();
            if (type.timestampFormat == software.amazon.awssdk.core.traits.TimestampFormatTrait.Format
                    .UNIX_TIMESTAMP_MILLIS) {
                number = number.movePointLeft(3);
            }
            return TextValues.epochSeconds(number);
        }
        if (token == JsonToken.VALUE_STRING) {
            Instant parsed = TextValues.parseAnyTimestamp(p.getText());
            if (parsed == null) {
                throw new BadInput("Unable to parse '" + p.getText() + "' as a Timestamp");
            }
            return parsed;
        }
        throw mismatch(token, type);
    }

    private static Document readDocument(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return Document.fromNull();
            case VALUE_TRUE:
                return Document.fromBoolean(true);
            case VALUE_FALSE:
                return Document.fromBoolean(false);
            case VALUE_STRING:
                return Document.fromString(p.getText());
            case VALUE_NUMBER_INT:
                return Document.fromNumber(SdkNumber.fromString(p.getText()));
            case VALUE_NUMBER_FLOAT: {
                // a CBOR float may be NaN or infinite, whose text SdkNumber takes but cannot turn into a number
                String text = p.getText();
                boolean finite = !text.equals("NaN") && !text.endsWith("Infinity");
                return Document.fromNumber(finite ? SdkNumber.fromString(text)
                        : SdkNumber.fromDouble(p.getDoubleValue()));
            }
            case START_ARRAY: {
                List<Document> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readDocument(p, t));
                }
                return Document.fromList(list);
            }
            case START_OBJECT: {
                Map<String, Document> map = new LinkedHashMap<>();
                String key;
                while ((key = p.nextFieldName()) != null) {
                    map.put(key, readDocument(p, p.nextToken()));
                }
                return Document.fromMap(map);
            }
            default:
                throw new BadInput("Unexpected " + tokenName(token) + " in a Document");
        }
    }

    private interface NumberRead {
        Object read() throws IOException;
    }

    private static Object coerce(JsonParser p, ValueType type, NumberRead read) throws IOException {
        try {
            return read.read();
        } catch (InputCoercionException e) {
            throw new BadInput("Numeric value (" + p.getText() + ") out of range of " + type.describe());
        }
    }

    private static double specialDouble(String text, ValueType type) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new BadInput("STRING_VALUE can not be converted to " + type.describe());
        }
    }

    /** Worded like AWS's Coral front end ("STRING_VALUE can not be converted to an Integer"). */
    private static BadInput mismatch(JsonToken token, ValueType type) {
        if (token == JsonToken.START_OBJECT) {
            return new BadInput("Start of structure or map found where not expected; expected " + type.describe());
        }
        if (token == JsonToken.START_ARRAY) {
            return new BadInput("Start of list found where not expected; expected " + type.describe());
        }
        return new BadInput(tokenName(token) + " can not be converted to " + type.describe());
    }

    private static String tokenName(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case VALUE_STRING -> "STRING_VALUE";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER_VALUE";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN_VALUE";
            case START_OBJECT -> "start of structure";
            case START_ARRAY -> "start of list";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "BLOB_VALUE";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }

    private static String location(JsonParser p) {
        return location(p.currentLocation());
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position" : location(e.getLocation());
    }

    /** Text has lines and columns; CBOR has only a byte offset (its parser reports line -1). */
    private static String location(JsonLocation at) {
        return at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr()
                : "byte " + at.getByteOffset();
    }

    private static boolean isBlank(byte[] body, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
