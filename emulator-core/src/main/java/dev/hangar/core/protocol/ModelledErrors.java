package dev.hangar.core.protocol;

import software.amazon.awssdk.protocols.core.ExceptionMetadata;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Error code and HTTP status of a service's modelled exceptions, from the SDK itself: the generated
 * {@code Default<Svc>Client} maps each error code to {@link ExceptionMetadata} (with httpStatusCode) in private static
 * {@code (String) -> Optional} functions. We call those with the exception's class name (which is its error code in
 * every SDK v2 service) and cache the answer per class. When the SDK gives no status (awsJson services such as ECS),
 * the status is 400, or 500 for server-fault names.
 */
final class ModelledErrors {

    record ErrorInfo(String code, int status) {
    }

    private final List<Method> mappers;
    private final ConcurrentMap<Class<?>, ErrorInfo> byClass = new ConcurrentHashMap<>();

    ModelledErrors(Class<?> sdkClient) {
        this.mappers = findMappers(sdkClient);
    }

    ErrorInfo of(Class<?> exceptionClass) {
        return byClass.computeIfAbsent(exceptionClass, this::lookUp);
    }

    /** The status the SDK declares for that error code, or null. */
    Integer statusOfCode(String code) {
        ExceptionMetadata metadata = metadata(code);
        return metadata == null ? null : metadata.httpStatusCode();
    }

    private ErrorInfo lookUp(Class<?> exceptionClass) {
        String code = exceptionClass.getSimpleName();
        ExceptionMetadata metadata = metadata(code);
        if (metadata != null) {
            Integer status = metadata.httpStatusCode();
            return new ErrorInfo(metadata.errorCode(), status != null ? status : defaultStatus(code));
        }
        return new ErrorInfo(code, defaultStatus(code));
    }

    private ExceptionMetadata metadata(String code) {
        for (Method mapper : mappers) {
            try {
                Object result = mapper.invoke(null, code);
                if (result instanceof Optional<?> optional && optional.isPresent()
                        && optional.get() instanceof ExceptionMetadata metadata) {
                    return metadata;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not an error-code mapper after all
            }
        }
        return null;
    }

    static int defaultStatus(String code) {
        return code.startsWith("Server") || code.startsWith("Internal") || code.equals("ServiceException") ? 500 : 400;
    }

    private static List<Method> findMappers(Class<?> sdkClient) {
        List<Method> found = new ArrayList<>();
        if (sdkClient == null) {
            return found;
        }
        String defaultName = sdkClient.getPackageName() + ".Default" + sdkClient.getSimpleName();
        try {
            Class<?> impl = Class.forName(defaultName, false, sdkClient.getClassLoader());
            for (Method method : impl.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == String.class && method.getReturnType() == Optional.class) {
                    method.setAccessible(true);
                    found.add(method);
                }
            }
        } catch (ClassNotFoundException | RuntimeException ignored) {
            // no generated client: every error gets the default status
        }
        return found;
    }
}
