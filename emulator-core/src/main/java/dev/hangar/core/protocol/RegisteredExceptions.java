package dev.hangar.core.protocol;

import software.amazon.awssdk.protocols.core.ExceptionMetadata;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modelled exceptions of a query-protocol service, as its generated {@code Default<Svc>Client} registers them:
 * its private {@code init()} builds the protocol factory with one ExceptionMetadata per error code (IAM's
 * "NoSuchEntity" with status 404 for NoSuchEntityException). Unlike the JSON clients there is no static lookup to
 * call, and a real client needs an HTTP client, credentials and region; so {@code init()} runs on an instance made
 * without its constructor (it reads no state but a configuration it only stores) and the factory's list is read.
 * Done once per service, on the first error; an empty map when the SDK is not shaped so.
 */
final class RegisteredExceptions {

    private RegisteredExceptions() {
    }

    /** Error code → metadata, in registration order. */
    static Map<String, ExceptionMetadata> of(Class<?> sdkClient) {
        Map<String, ExceptionMetadata> byCode = new LinkedHashMap<>();
        try {
            Class<?> impl = Class.forName(sdkClient.getPackageName() + ".Default" + sdkClient.getSimpleName(), false,
                    sdkClient.getClassLoader());
            Method init = impl.getDeclaredMethod("init");
            init.setAccessible(true);
            Object factory = init.invoke(withoutConstructor(impl));
            Class<?> type = factory.getClass();
            Field list = null;
            while (type != null && list == null) {
                try {
                    list = type.getDeclaredField("modeledExceptions");
                } catch (NoSuchFieldException e) {
                    type = type.getSuperclass();
                }
            }
            if (list == null) {
                return byCode;
            }
            list.setAccessible(true);
            for (Object entry : (List<?>) list.get(factory)) {
                if (entry instanceof ExceptionMetadata metadata && metadata.errorCode() != null) {
                    byCode.putIfAbsent(metadata.errorCode(), metadata);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another SDK layout: the errors keep their class names and default statuses
        }
        return byCode;
    }

    /** The JDK's serialization constructor: an instance whose fields are all null, no constructor run. */
    private static Object withoutConstructor(Class<?> type) throws ReflectiveOperationException {
        Class<?> factoryType = Class.forName("sun.reflect.ReflectionFactory");
        Object factory = factoryType.getMethod("getReflectionFactory").invoke(null);
        Constructor<?> constructor = (Constructor<?>) factoryType
                .getMethod("newConstructorForSerialization", Class.class, Constructor.class)
                .invoke(factory, type, Object.class.getDeclaredConstructor());
        return constructor.newInstance();
    }
}
