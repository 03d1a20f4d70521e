package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads query parameters into SDK model builders, the mirror of the SDK's query marshallers: a member is named by
 * its locationName, a nested structure's members follow a dot ({@code A.B}), list elements are numbered from 1
 * ({@code A.member.N}, or {@code A.N} when flattened and always in EC2), map entries are
 * {@code A.entry.N.key}/{@code .value} (the MapTrait's names; {@code A.N.key} when flattened), {@code A=} is an empty
 * list, scalars are text (timestamps ISO 8601 unless the member says otherwise, blobs base64). Walks what was sent,
 * not the model: unknown parameters are skipped as AWS skips them.
 */
final class QueryRequestReader {

    private QueryRequestReader() {
    }

    /**
     * @param ec2 EC2's lists: elements numbered right after the list's name, and no empty-list form
     * @throws BadInput naming the parameter when a value is not of its member's type
     */
    static void readStructure(QueryForm.Node node, PojoShape shape, SdkPojo builder, boolean ec2) {
        for (Map.Entry<String, QueryForm.Node> child : node.children().entrySet()) {
            PojoShape.Member member = shape.bodyMembersByReadName.get(child.getKey());
            if (member == null) {
                continue;
            }
            Object value;
            try {
                value = readValue(child.getValue(), member.type, ec2);
            } catch (BadInput e) {
                throw e.at(child.getKey());
            }
            if (value != null) {
                member.set(builder, value);
            }
        }
    }

    private static Object readValue(QueryForm.Node node, ValueType type, boolean ec2) {
        switch (type.kind) {
            case LIST:
                return readList(node, type, ec2);
            case MAP:
                return readMap(node, type, ec2);
            case POJO: {
                SdkPojo nested = type.newBuilder();
                readStructure(node, type.shape(), nested, ec2);
                return PojoShape.build(nested);
            }
            case DOCUMENT:
                throw new BadInput("A Document cannot be sent as query parameters");
            default:
                return node.value == null ? null : TextValues.parse(type, node.value, Format.ISO_8601);
        }
    }

    private static List<Object> readList(QueryForm.Node node, ValueType type, boolean ec2) {
        QueryForm.Node elements = ec2 || type.flattened ? node : node.child(type.elementName);
        if (elements == null) {
            // "A=" with nothing under it is the empty list; anything else names no element we know
            return node.value != null && node.children().isEmpty() ? new ArrayList<>() : null;
        }
        QueryForm.Node[] numbered = numbered(elements);
        List<Object> list = new ArrayList<>(numbered.length);
        for (int i = 0; i < numbered.length; i++) {
            try {
                list.add(readValue(numbered[i], type.element, ec2));
            } catch (BadInput e) {
                throw e.at("[" + i + "]");
            }
        }
        return list;
    }

    private static Map<String, Object> readMap(QueryForm.Node node, ValueType type, boolean ec2) {
        QueryForm.Node entries = type.flattened ? node : node.child("entry");
        if (entries == null) {
            return node.value != null && node.children().isEmpty() ? new LinkedHashMap<>() : null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (QueryForm.Node entry : numbered(entries)) {
            QueryForm.Node key = entry.child(type.keyName);
            if (key == null || key.value == null) {
                throw new BadInput("A map entry without its " + type.keyName);
            }
            QueryForm.Node value = entry.child(type.valueName);
            try {
                map.put(key.value, value == null ? null : readValue(value, type.element, ec2));
            } catch (BadInput e) {
                throw e.at(key.value);
            }
        }
        return map;
    }

    /** The children named 1, 2, 3 …, in numeric order (a client may send them in any order). */
    private static QueryForm.Node[] numbered(QueryForm.Node parent) {
        Map<String, QueryForm.Node> children = parent.children();
        long[] keys = new long[children.size()];
        QueryForm.Node[] byPosition = new QueryForm.Node[children.size()];
        int count = 0;
        int position = 0;
        for (Map.Entry<String, QueryForm.Node> child : children.entrySet()) {
            int index = index(child.getKey());
            if (index > 0) {
                byPosition[position] = child.getValue();
                // index in the high bits, arrival position in the low: one primitive sort orders both
                keys[count++] = (long) index << 32 | position;
            }
            position++;
        }
        Arrays.sort(keys, 0, count);
        QueryForm.Node[] ordered = new QueryForm.Node[count];
        for (int i = 0; i < count; i++) {
            ordered[i] = byPosition[(int) keys[i]];
        }
        return ordered;
    }

    /** A positive decimal index, or -1. */
    private static int index(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
