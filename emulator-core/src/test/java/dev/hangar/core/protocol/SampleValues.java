package dev.hangar.core.protocol;

import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills any SDK model object with a value in every member, walking sdkFields (independently of the code under test):
 * path values need percent-encoding, strings carry unicode and JSON escapes, timestamps have milliseconds (whole
 * seconds in headers, which RFC 822 carries), nested structures go a few levels deep. Records the member types met.
 */
final class SampleValues {

    private static final int MAX_DEPTH = 4;

    /** Which marshalling types were met, to report coverage. */
    final Set<String> typesSeen = new TreeSet<>();

    /** The query marshallers write timestamps in whole seconds ("2023-11-14T22:13:20Z"). */
    private final boolean wholeSecondTimestamps;
    /** EC2's query marshaller sends nothing for an empty list, so neither it nor an all-empty structure arrives. */
    private final boolean nothingEmpty;

    SampleValues() {
        this(false, false);
    }

    private SampleValues(boolean wholeSecondTimestamps, boolean nothingEmpty) {
        this.wholeSecondTimestamps = wholeSecondTimestamps;
        this.nothingEmpty = nothingEmpty;
    }

    /** Samples of requests the SDK's marshaller of that protocol carries whole. */
    static SampleValues forRequests(Protocol protocol) {
        boolean query = protocol == Protocol.AWS_QUERY || protocol == Protocol.EC2_QUERY;
        return new SampleValues(query, protocol == Protocol.EC2_QUERY);
    }

    SdkPojo fill(Class<?> pojoClass) {
        try {
            SdkPojo builder = (SdkPojo) pojoClass.getMethod("builder").invoke(null);
            return fillBuilder(builder, 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills a builder obtained elsewhere (an exception builder with its message already set) and builds it. */
    SdkPojo fill(SdkPojo builder) {
        return fillBuilder(builder, 0);
    }

    private SdkPojo fillBuilder(SdkPojo builder, int depth) {
        int index = 0;
        int set = 0;
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = value(field, field.location(), field.containsTrait(PayloadTrait.class), depth, index++);
            if (value != null) {
                field.set(builder, value);
                set++;
            }
        }
        if (nothingEmpty && depth > 0 && set == 0) {
            return null;
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private Object value(SdkField<?> field, MarshallLocation location, boolean payload, int depth, int index) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        typesSeen.add(String.valueOf(type));
        String name = field.memberName();
        switch (type) {
            case STRING:
                return string(name, location, payload);
            case INTEGER:
                return location == MarshallLocation.STATUS_CODE ? 200 : 40 + index;
            case LONG:
                return 1_234_567_890_123L + index;
            case SHORT:
                return (short) (7 + index);
            case BYTE:
                return (byte) (3 + index);
            case FLOAT:
                return 1.5f + index;
            case DOUBLE:
                return 2.25 + index;
            case BIG_DECIMAL:
                return new BigDecimal("12.345");
            case BOOLEAN:
                return index % 2 == 0;
            case INSTANT:
                return location == MarshallLocation.HEADER || wholeSecondTimestamps
                        ? Instant.ofEpochSecond(1_700_000_000L + index)
                        : Instant.ofEpochMilli(1_700_000_000_123L + index);
            case SDK_BYTES:
                return payload ? SdkBytes.fromUtf8String("{\"hello\":\"wörld " + name + "\"}")
                        : SdkBytes.fromUtf8String("blob of " + name + " \u00e9\u0000\u00ff");
            case DOCUMENT:
                return Document.mapBuilder().putString("s", "v").putBoolean("b", true)
                        .putList("l", l -> l.addString("x").addNull()).build();
            case SDK_POJO:
                if (depth >= MAX_DEPTH) {
                    return null;
                }
                return fillBuilder(field.constructor().get(), depth + 1);
            case LIST: {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                if (depth >= MAX_DEPTH && isStructured(member)) {
                    return null;
                }
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Object element = value(member, location, false, depth + 1, index + i);
                    if (element != null) {
                        list.add(element);
                    }
                }
                return nothingEmpty && list.isEmpty() ? null : list;
            }
            case MAP: {
                SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
                if (depth >= MAX_DEPTH && isStructured(valueField)) {
                    return null;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < 2; i++) {
                    Object element = value(valueField, location, false, depth + 1, index + i);
                    if (element != null) {
                        map.put(location == MarshallLocation.QUERY_PARAM ? "qk" + i + name : "key" + i, element);
                    }
                }
                return nothingEmpty && map.isEmpty() ? null : map;
            }
            default:
                throw new IllegalStateException("no sample for " + type + " (" + name + ")");
        }
    }

    private static boolean isStructured(SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return type == MarshallingKnownType.SDK_POJO || type == MarshallingKnownType.LIST
                || type == MarshallingKnownType.MAP;
    }

    private static String string(String name, MarshallLocation location, boolean payload) {
        switch (location) {
            case PATH:
                return "p " + name + "/x%y:\u00e9+z";
            case GREEDY_PATH:
                return "g " + name + "/deeper/x%y:\u00e9";
            case QUERY_PARAM:
                return "q " + name + "&a=b+c%d \u00e9";
            case HEADER:
                return "h-" + name;
            default:
                return payload ? "raw payload of " + name : "s-" + name + " \u00fc\u00f1\u00ef \"quoted\"\n\ttab \u2603";
        }
    }
}
