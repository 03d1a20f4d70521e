package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.util.List;
import java.util.Map;

/**
 * SDK model objects as the query protocols' XML, as the SDK's query unmarshaller reads it back: each member an
 * element named by its unmarshallLocationName, a list's elements inside it as {@code <member>} (EC2's models say
 * {@code <item>}), or repeated under the member's own name when flattened; a map as
 * {@code <entry><key>…</key><value>…</value></entry>} with the MapTrait's names; timestamps ISO 8601 unless the member
 * says otherwise, blobs base64, booleans true/false. Unset members and never-set lists and maps are left out.
 */
final class XmlMembers {

    private XmlMembers() {
    }

    static void write(XmlWriter xml, SdkPojo pojo, PojoShape shape) {
        for (PojoShape.Member member : shape.bodyMembers) {
            Object value = member.get(pojo);
            if (value == null || member.collection && isUnset(value)) {
                continue;
            }
            writeValue(xml, member.writeName, member.type, value);
        }
    }

    private static void writeValue(XmlWriter xml, String name, ValueType type, Object value) {
        switch (type.kind) {
            case LIST -> {
                if (!type.flattened) {
                    xml.start(name);
                }
                for (Object element : (List<?>) value) {
                    if (element != null) {
                        writeValue(xml, type.flattened ? name : type.elementXmlName, type.element, element);
                    }
                }
                if (!type.flattened) {
                    xml.end(name);
                }
            }
            case MAP -> {
                if (!type.flattened) {
                    xml.start(name);
                }
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    String wrapper = type.flattened ? name : "entry";
                    xml.start(wrapper).element(type.keyName, String.valueOf(entry.getKey()));
                    if (entry.getValue() != null) {
                        writeValue(xml, type.valueName, type.element, entry.getValue());
                    }
                    xml.end(wrapper);
                }
                if (!type.flattened) {
                    xml.end(name);
                }
            }
            case POJO -> {
                xml.start(name);
                write(xml, (SdkPojo) value, PojoShape.of(value.getClass()));
                xml.end(name);
            }
            case DOCUMENT -> throw new IllegalStateException("the query protocols carry no Document (" + name + ")");
            default -> xml.element(name, TextValues.format(type, value, Format.ISO_8601));
        }
    }

    /** The error's message (unless an extra member spells it "Message") and every other member it carries. */
    static void writeErrorMembers(XmlWriter xml, ErrorDescription description) {
        if (description.message() != null && !description.extra().containsKey("Message")
                && !description.extra().containsKey("message")) {
            xml.element("Message", description.message());
        }
        for (Map.Entry<String, String> extra : description.extra().entrySet()) {
            xml.element(extra.getKey(), extra.getValue());
        }
        if (description.modelled() != null) {
            write(xml, description.modelled(), PojoShape.of(description.modelled().getClass()));
        }
    }

    private static boolean isUnset(Object collection) {
        return collection instanceof SdkAutoConstructList || collection instanceof SdkAutoConstructMap;
    }
}
