package dev.hangar.core.service;

import dev.hangar.core.protocol.OperationModel;
import software.amazon.awssdk.core.SdkPojo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds a service's handler for an operation by its shape: a public method named like the SDK client's
 * (runTask for RunTask) taking (RequestContext, RunTaskRequest) and returning the response or a future of it.
 */
public final class HandlerBinder {

    private HandlerBinder() {
    }

    /** The bound handler, or null when the service does not implement the operation. */
    public static OperationHandler bind(AwsService service, OperationModel operation) {
        Method method = find(service.getClass(), operation);
        if (method == null) {
            return null;
        }
        try {
            // a public method of a non-public class (a test's service) is still a handler
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(service)
                    .asType(MethodType.methodType(Object.class, RequestContext.class, Object.class));
            return (ctx, request) -> invoke(handle, ctx, request);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("handler " + method + " is not public", e);
        }
    }

    static Method find(Class<?> serviceClass, OperationModel operation) {
        String name = Character.toLowerCase(operation.name().charAt(0)) + operation.name().substring(1);
        try {
            return serviceClass.getMethod(name, RequestContext.class, operation.requestClass());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<SdkPojo> invoke(MethodHandle handle, RequestContext ctx, SdkPojo request) {
        try {
            Object result = handle.invokeExact(ctx, (Object) request);
            if (result instanceof CompletionStage<?> stage) {
                return (CompletableFuture<SdkPojo>) stage.toCompletableFuture();
            }
            return CompletableFuture.completedFuture((SdkPojo) result);
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }
}
