package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

import java.util.function.Supplier;

/**
 * The wire type of one member (or list element, or map value), resolved once from its SdkField so the per-request
 * code switches on a small enum instead of inspecting traits.
 */
final class ValueType {

    enum Kind { STRING, INTEGER, LONG, SHORT, BYTE, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN, INSTANT, BYTES, LIST, MAP, POJO,
        DOCUMENT }

    final Kind kind;
    /** Explicit TimestampFormatTrait, or null for the location's default. */
    final TimestampFormatTrait.Format timestampFormat;
    /** List elements and map values. */
    final ValueType element;
    /**
     * The query protocols' names, from the List/MapTrait: a list element's name in requests ("member" in
     * {@code Tags.member.1}) and in XML responses ({@code <member>}, EC2's {@code <item>}), a map entry's key and
     * value names; flattened lists and maps leave out the wrapping level. Null or false for other kinds.
     */
    final String elementName;
    final String elementXmlName;
    final String keyName;
    final String valueName;
    final boolean flattened;
    private final Supplier<SdkPojo> constructor;
    private volatile PojoShape shape;

    private ValueType(Kind kind, TimestampFormatTrait.Format timestampFormat, ValueType element,
                      Supplier<SdkPojo> constructor) {
        this(kind, timestampFormat, element, constructor, null, null, null, null, false);
    }

    private ValueType(Kind kind, TimestampFormatTrait.Format timestampFormat, ValueType element,
                      Supplier<SdkPojo> constructor, String elementName, String elementXmlName, String keyName,
                      String valueName, boolean flattened) {
        this.kind = kind;
        this.timestampFormat = timestampFormat;
        this.element = element;
        this.constructor = constructor;
        this.elementName = elementName;
        this.elementXmlName = elementXmlName;
        this.keyName = keyName;
        this.valueName = valueName;
        this.flattened = flattened;
    }

    static ValueType of(SdkField<?> field) {
        MarshallingKnownType known = field.marshallingType().getKnownType();
        TimestampFormatTrait format = field.getTrait(TimestampFormatTrait.class);
        if (known == null) {
            throw new IllegalStateException("member " + field.memberName() + " has an unknown marshalling type "
                    + field.marshallingType());
        }
        return switch (known) {
            case STRING -> new ValueType(Kind.STRING, null, null, null);
            case INTEGER -> new ValueType(Kind.INTEGER, null, null, null);
            case LONG -> new ValueType(Kind.LONG, null, null, null);
            case SHORT -> new ValueType(Kind.SHORT, null, null, null);
            case BYTE -> new ValueType(Kind.BYTE, null, null, null);
            case FLOAT -> new ValueType(Kind.FLOAT, null, null, null);
            case DOUBLE -> new ValueType(Kind.DOUBLE, null, null, null);
            case BIG_DECIMAL -> new ValueType(Kind.BIG_DECIMAL, null, null, null);
            case BOOLEAN -> new ValueType(Kind.BOOLEAN, null, null, null);
            case INSTANT -> new ValueType(Kind.INSTANT, format == null ? null : format.format(), null, null);
            case SDK_BYTES -> new ValueType(Kind.BYTES, null, null, null);
            case DOCUMENT -> new ValueType(Kind.DOCUMENT, null, null, null);
            case LIST -> list(field.getRequiredTrait(ListTrait.class));
            case MAP -> map(field.getRequiredTrait(MapTrait.class));
            case SDK_POJO -> new ValueType(Kind.POJO, null, null, field.constructor());
            default -> throw new IllegalStateException("member " + field.memberName() + " has unsupported type "
                    + known);
        };
    }

    private static ValueType list(ListTrait trait) {
        SdkField<?> member = trait.memberFieldInfo();
        // the query protocols' defaults, for models that leave the names out
        String name = member.locationName() != null ? member.locationName() : "member";
        String xmlName = member.unmarshallLocationName() != null ? member.unmarshallLocationName() : name;
        return new ValueType(Kind.LIST, null, of(member), null, name, xmlName, null, null, trait.isFlattened());
    }

    private static ValueType map(MapTrait trait) {
        return new ValueType(Kind.MAP, null, of(trait.valueFieldInfo()), null, null, null,
                trait.keyLocationName() != null ? trait.keyLocationName() : "key",
                trait.valueLocationName() != null ? trait.valueLocationName() : "value", trait.isFlattened());
    }

    /** A fresh builder of the nested structure. */
    SdkPojo newBuilder() {
        return constructor.get();
    }

    /** The nested structure's metadata, resolved on first use (shapes may be recursive). */
    PojoShape shape() {
        PojoShape s = shape;
        if (s == null) {
            s = PojoShape.ofBuilder(constructor.get());
            shape = s;
        }
        return s;
    }

    String describe() {
        return switch (kind) {
            case STRING -> "a String";
            case INTEGER -> "an Integer";
            case LONG -> "a Long";
            case SHORT -> "a Short";
            case BYTE -> "a Byte";
            case FLOAT -> "a Float";
            case DOUBLE -> "a Double";
            case BIG_DECIMAL -> "a BigDecimal";
            case BOOLEAN -> "a Boolean";
            case INSTANT -> "a Timestamp";
            case BYTES -> "a Blob";
            case LIST -> "a List";
            case MAP -> "a Map";
            case POJO -> "a Structure";
            case DOCUMENT -> "a Document";
        };
    }
}
