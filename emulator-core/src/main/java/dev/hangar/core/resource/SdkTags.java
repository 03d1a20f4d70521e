package dev.hangar.core.resource;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between tags as a map and the SDKs' tag classes: ECS's Tag has members "key" and "value", IAM's, ELBv2's
 * and Secrets Manager's "Key" and "Value". Any class with a static builder() and two such members will do: the
 * members are found by name, once per class, from the SDK's own field list.
 */
public final class SdkTags {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private SdkTags() {
    }

    @SuppressWarnings("unchecked")
    private record Shape(MethodHandle builder, SdkField<Object> key, SdkField<Object> value) {

        static Shape of(Class<?> type) {
            MethodHandle builder;
            try {
                Class<?> builderType = type.getMethod("builder").getReturnType();
                builder = MethodHandles.publicLookup().findStatic(type, "builder", MethodType.methodType(builderType));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " is not an SDK model class", e);
            }
            SdkField<Object> key = null;
            SdkField<Object> value = null;
            for (SdkField<?> field : newBuilder(builder).sdkFields()) {
                if (field.memberName().equalsIgnoreCase("key")) {
                    key = (SdkField<Object>) field;
                } else if (field.memberName().equalsIgnoreCase("value")) {
                    value = (SdkField<Object>) field;
                }
            }
            if (key == null || value == null) {
                throw new IllegalArgumentException(type.getName() + " has no key and value members");
            }
            return new Shape(builder, key, value);
        }

        private static SdkPojo newBuilder(MethodHandle builder) {
            try {
                return (SdkPojo) builder.invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("an SDK builder() failed", e);
            }
        }

        Object build(String k, String v) {
            SdkPojo b = newBuilder(builder);
            key.set(b, k);
            value.set(b, v);
            return ((SdkBuilder<?, ?>) b).build();
        }
    }

    /** The tags as objects of the SDK's tag class, in the map's order. */
    public static <T extends SdkPojo> List<T> toList(Map<String, String> tags, Class<T> tagClass) {
        Shape shape = SHAPES.get(tagClass);
        List<T> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(tagClass.cast(shape.build(k, v))));
        return out;
    }

    /** The tags of a list member as a map, in order; a key named twice keeps its later value, a null value is "". */
    public static Map<String, String> toMap(List<? extends SdkPojo> tags) {
        return TagRequest.ofList(tags).asMap();
    }

    /** One SDK tag object as its key and value (a null value, which ECS allows, is ""). */
    static Map.Entry<String, String> entry(SdkPojo tag) {
        Shape shape = SHAPES.get(tag.getClass());
        Object k = shape.key.getValueOrDefault(tag);
        Object v = shape.value.getValueOrDefault(tag);
        return new AbstractMap.SimpleImmutableEntry<>(k == null ? null : k.toString(), v == null ? "" : v.toString());
    }
}
