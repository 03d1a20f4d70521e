package dev.hangar.ecs;

import dev.hangar.core.service.RequestContext;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;

/**
 * An EcsClient that calls the service's handlers directly, for as long as the in-process server cannot speak
 * awsJson yet (no codec). Its consumer-builder overloads are the SDK interface's own default methods.
 */
final class DirectEcsClient {

    private DirectEcsClient() {
    }

    static EcsClient of(EcsService service) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
                Method target = service.getClass().getMethod(method.getName(), RequestContext.class,
                        method.getParameterTypes()[0]);
                RequestContext ctx = new RequestContext(UUID.randomUUID().toString(), "000000000000", "us-east-1",
                        "ecs", method.getName(), null, Instant.now());
                try {
                    return target.invoke(service, ctx, request);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (EcsClient) Proxy.newProxyInstance(EcsClient.class.getClassLoader(), new Class<?>[]{EcsClient.class},
                handler);
    }
}
