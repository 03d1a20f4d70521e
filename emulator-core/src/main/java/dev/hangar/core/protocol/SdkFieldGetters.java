package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkField;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Function;

/**
 * The getter function inside an {@link SdkField}. {@code getValueOrDefault} looks the field's DefaultValueTrait up on
 * every call, for the few members (idempotency tokens) that have one; a writer walking every member of every response
 * pays that for nothing, so members without the trait call the getter directly. Null when the SDK's internals are
 * not reachable (a later SDK, or the SDK on the module path): callers then use getValueOrDefault.
 */
final class SdkFieldGetters {

    private static final VarHandle GETTER = find();

    private SdkFieldGetters() {
    }

    @SuppressWarnings("unchecked")
    static Function<Object, Object> of(SdkField<?> field) {
        if (GETTER == null) {
            return null;
        }
        Object getter = GETTER.get(field);
        return getter instanceof Function<?, ?> function ? (Function<Object, Object>) function : null;
    }

    private static VarHandle find() {
        try {
            return MethodHandles.privateLookupIn(SdkField.class, MethodHandles.lookup())
                    .findVarHandle(SdkField.class, "getter", Function.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
