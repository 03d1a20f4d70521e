package dev.hangar.core.protocol;

import software.amazon.awssdk.protocols.core.ExceptionMetadata;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Error code and HTTP status of a service's modelled exceptions, from the SDK itself: the generated
 * {@code Default<Svc>Client} maps each error code to {@link ExceptionMetadata} (with httpStatusCode) in private static
 * {@code (String) -> Optional} functions. On first use we call those with every candidate code (the identifier-like
 * string constants of that class) and keep, per exception class, the code and status the SDK answers. When the SDK
 * gives no status (awsJson services such as ECS), the status is 400, or 500 for server-fault names. Query-protocol
 * clients have no such functions; their table is the one they register ({@link RegisteredExceptions}).
 */
final class ModelledErrors {

    record ErrorInfo(String code, int status) {
    }

    private final Class<?> sdkClient;
    /** Found on first use: reading the generated client's methods loads many classes. */
    private volatile List<Method> mappers;
    private final ConcurrentMap<Class<?>, ErrorInfo> byClass = new ConcurrentHashMap<>();
    private volatile Map<Class<?>, ExceptionMetadata> known;
    /** A query client's registered errors by code; read only when the client has no mappers. */
    private volatile Map<String, ExceptionMetadata> registered;

    ModelledErrors(Class<?> sdkClient) {
        this.sdkClient = sdkClient;
    }

    private List<Method> mappers() {
        List<Method> found = mappers;
        if (found == null) {
            found = List.copyOf(findMappers(sdkClient));
            mappers = found;
        }
        return found;
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
        if (metadata == null || !builds(metadata, exceptionClass)) {
            metadata = known().get(exceptionClass);
        }
        if (metadata != null) {
            Integer status = metadata.httpStatusCode();
            return new ErrorInfo(metadata.errorCode(), status != null ? status : defaultStatus(code));
        }
        return new ErrorInfo(code, defaultStatus(code));
    }

    private ExceptionMetadata metadata(String code) {
        for (Method mapper : mappers()) {
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
        return mappers().isEmpty() ? registered().get(code) : null;
    }

    private Map<String, ExceptionMetadata> registered() {
        Map<String, ExceptionMetadata> table = registered;
        if (table == null) {
            table = sdkClient == null ? Map.of() : RegisteredExceptions.of(sdkClient);
            registered = table;
        }
        return table;
    }

    private Map<Class<?>, ExceptionMetadata> known() {
        Map<Class<?>, ExceptionMetadata> table = known;
        if (table == null) {
            table = new HashMap<>();
            List<Method> found = mappers();
            if (found.isEmpty()) {
                for (ExceptionMetadata metadata : registered().values()) {
                    Class<?> built = builtClass(metadata);
                    if (built != null) {
                        table.putIfAbsent(built, metadata);
                    }
                }
            } else {
                for (String candidate : ClassFileStrings.of(found.get(0).getDeclaringClass())) {
                    if (!isIdentifier(candidate)) {
                        continue;
                    }
                    ExceptionMetadata metadata = metadata(candidate);
                    if (metadata != null) {
                        Class<?> built = builtClass(metadata);
                        if (built != null) {
                            table.putIfAbsent(built, metadata);
                        }
                    }
                }
            }
            known = table;
        }
        return table;
    }

    private static boolean builds(ExceptionMetadata metadata, Class<?> exceptionClass) {
        Class<?> built = builtClass(metadata);
        return built == null || built == exceptionClass;
    }

    /** The exception class a metadata entry builds (generated builders are nested in their class). */
    private static Class<?> builtClass(ExceptionMetadata metadata) {
        try {
            return metadata.exceptionBuilderSupplier().get().getClass().getDeclaringClass();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isIdentifier(String text) {
        if (text.isEmpty() || text.length() > 128 || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
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
