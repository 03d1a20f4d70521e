package dev.hangar.core.resource;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a page token is bound to: the request's class and every member that is neither the token nor the page size
 * (the filter members: cluster, family, prefix, startTime ...). A token used with other filter members would page
 * through another listing, so its seal must not verify there. The members are found once per request class, from
 * the SDK's own field list.
 */
final class RequestFilter {

    private final String tokenMember;
    private final Set<String> unbound;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    private record Shape(SdkField<?> token, List<SdkField<?>> filters) {
    }

    RequestFilter(String tokenMember, String sizeMember) {
        this.tokenMember = tokenMember;
        this.unbound = Set.of(tokenMember, sizeMember);
    }

    /** The token the request carries; null or empty for the first page. */
    String token(SdkPojo request) {
        Object value = shape(request).token.getValueOrDefault(request);
        return value == null ? null : value.toString();
    }

    /** The class and the filter members' values, each written with its length so that no two requests coincide. */
    byte[] context(SdkPojo request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        write(out, request.getClass().getName());
        for (SdkField<?> field : shape(request).filters) {
            Object value = field.getValueOrDefault(request);
            if (present(value)) {
                write(out, field.memberName());
                write(out, value.toString());
            }
        }
        return out.toByteArray();
    }

    /** Unset (the SDK's placeholders), empty and null all mean "no filter": the SDKs send none of them. */
    private static boolean present(Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return false;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return !(value instanceof Map<?, ?> m) || !m.isEmpty();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    private Shape shape(SdkPojo request) {
        return shapes.computeIfAbsent(request.getClass(), c -> {
            SdkField<?> token = null;
            List<SdkField<?>> filters = new ArrayList<>();
            for (SdkField<?> field : request.sdkFields()) {
                if (field.memberName().equals(tokenMember)) {
                    token = field;
                } else if (!unbound.contains(field.memberName())) {
                    filters.add(field);
                }
            }
            if (token == null) {
                throw new IllegalArgumentException(c.getName() + " has no member " + tokenMember);
            }
            return new Shape(token, List.copyOf(filters));
        });
    }
}
