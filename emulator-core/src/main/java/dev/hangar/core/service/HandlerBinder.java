package dev.hangar.core.service;

import dev.hangar.core.eventstream.EventStreamReply;
import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.ServiceModel;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds a service's handler for an operation by its shape: a public method of one of the service's handler objects,
 * named like the SDK client's (runTask for RunTask), taking (RequestContext, RunTaskRequest) and returning the
 * response or a future of it, with a {@link RunsOn} on the method or its class. An operation whose output is an
 * event stream returns an {@link EventStreamReply} (or a future of one) instead.
 */
public final class HandlerBinder {

    private HandlerBinder() {
    }

    /**
     * The bound handler, or null when the service does not implement the operation.
     *
     * @throws IllegalStateException when two handler objects implement it, or its handler says not where it runs
     */
    public static OperationHandler bind(AwsService service, OperationModel operation) {
        Object owner = null;
        Method method = null;
        for (Object handlers : service.handlers()) {
            Method found = find(handlers.getClass(), operation);
            if (found != null) {
                if (method != null) {
                    throw new IllegalStateException(operation.name() + " is handled twice: by " + method + " and by "
                            + found);
                }
                owner = handlers;
                method = found;
            }
        }
        if (method == null) {
            return null;
        }
        RunsOn.Pool pool = pool(method);
        try {
            // a public method of a non-public class (a test's service) is still a handler
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(owner)
                    .asType(MethodType.methodType(Object.class, RequestContext.class, Object.class));
            return new Bound(handle, pool, repliesWithEventStream(method));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("handler " + method + " is not public", e);
        }
    }

    /**
     * Everything wrong with a service's handlers, as one line each: public methods shaped like a handler (a
     * RequestContext, then an SDK request) that bind to no operation of the model, operations handled twice, and
     * handlers that say not where they run. Reads the whole model, so it is for tests, not for a start.
     */
    public static List<String> problems(AwsService service, ServiceModel model) {
        List<String> problems = new ArrayList<>();
        for (Object handlers : service.handlers()) {
            for (Method method : handlers.getClass().getMethods()) {
                if (!looksLikeHandler(method)) {
                    continue;
                }
                OperationModel operation = model.operation(operationName(method));
                if (operation == null || operation.requestClass() != method.getParameterTypes()[1]) {
                    problems.add(method + " looks like a handler but binds to no operation of "
                            + model.descriptor().name());
                }
            }
        }
        for (OperationModel operation : model.operations()) {
            try {
                bind(service, operation);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static boolean looksLikeHandler(Method method) {
        Class<?>[] params = method.getParameterTypes();
        return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                && params.length == 2 && params[0] == RequestContext.class
                && SdkRequest.class.isAssignableFrom(params[1]);
    }

    private static String operationName(Method method) {
        String name = method.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static RunsOn.Pool pool(Method method) {
        RunsOn declared = method.getAnnotation(RunsOn.class);
        if (declared == null) {
            declared = method.getDeclaringClass().getAnnotation(RunsOn.class);
        }
        if (declared == null) {
            throw new IllegalStateException("handler " + method + " says not where it runs: put @RunsOn on it or on "
                    + method.getDeclaringClass().getSimpleName());
        }
        return declared.value();
    }

    static Method find(Class<?> handlerClass, OperationModel operation) {
        String name = Character.toLowerCase(operation.name().charAt(0)) + operation.name().substring(1);
        try {
            return handlerClass.getMethod(name, RequestContext.class, operation.requestClass());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** EventStreamReply, or a CompletionStage (CompletableFuture) of one. */
    private static boolean repliesWithEventStream(Method method) {
        if (method.getReturnType() == EventStreamReply.class) {
            return true;
        }
        if (CompletionStage.class.isAssignableFrom(method.getReturnType())
                && method.getGenericReturnType() instanceof ParameterizedType future) {
            Type value = future.getActualTypeArguments()[0];
            Type raw = value instanceof ParameterizedType parameterized ? parameterized.getRawType() : value;
            return raw == EventStreamReply.class;
        }
        return false;
    }

    private record Bound(MethodHandle handle, RunsOn.Pool pool, boolean streams) implements OperationHandler {

        @Override
        @SuppressWarnings("unchecked")
        public CompletableFuture<Object> handle(RequestContext ctx, SdkPojo request) {
            try {
                Object result = handle.invokeExact(ctx, (Object) request);
                if (result instanceof CompletionStage<?> stage) {
                    return (CompletableFuture<Object>) stage.toCompletableFuture();
                }
                return CompletableFuture.completedFuture(result);
            } catch (Throwable t) {
                return CompletableFuture.failedFuture(t);
            }
        }
    }
}
