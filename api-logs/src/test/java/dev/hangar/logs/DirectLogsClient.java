package dev.hangar.logs;

import dev.hangar.core.service.RequestContext;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudWatchLogsClient that calls the service's handlers directly, for as long as the in-process server cannot
 * speak awsJson (no codec yet). The SDK's own default methods (consumer builders, paginators) run unchanged.
 */
final class DirectLogsClient {

    private DirectLogsClient() {
    }

    static CloudWatchLogsClient of(LogsService service) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request
                    && !method.isDefault()) {
                Method target;
                try {
                    target = service.getClass().getMethod(method.getName(), RequestContext.class,
                            method.getParameterTypes()[0]);
                } catch (NoSuchMethodException e) {
                    throw new UnsupportedOperationException("not implemented in Hangar: logs:" + method.getName());
                }
                RequestContext ctx = new RequestContext(UUID.randomUUID().toString(), "000000000000", "us-east-1",
                        "logs", method.getName(), null, Instant.now());
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
        return (CloudWatchLogsClient) Proxy.newProxyInstance(CloudWatchLogsClient.class.getClassLoader(),
                new Class<?>[]{CloudWatchLogsClient.class}, handler);
    }
}
