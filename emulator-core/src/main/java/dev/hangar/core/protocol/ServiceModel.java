package dev.hangar.core.protocol;

import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every operation of one service, read from its SDK v2 client interface: each method taking an XxxRequest and
 * returning an XxxResponse is an operation.
 */
public final class ServiceModel {

    private final ServiceDescriptor descriptor;
    private final Map<String, OperationModel> operations;

    private ServiceModel(ServiceDescriptor descriptor, Map<String, OperationModel> operations) {
        this.descriptor = descriptor;
        this.operations = operations;
    }

    @SuppressWarnings("unchecked")
    public static ServiceModel of(ServiceDescriptor descriptor) {
        Map<String, OperationModel> operations = new TreeMap<>();
        for (Method method : descriptor.sdkClient().getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1) {
                continue;
            }
            Class<?> in = method.getParameterTypes()[0];
            Class<?> out = method.getReturnType();
            if (!SdkRequest.class.isAssignableFrom(in) || !SdkResponse.class.isAssignableFrom(out)) {
                continue;
            }
            String name = in.getSimpleName().substring(0, in.getSimpleName().length() - "Request".length());
            operations.put(name, new OperationModel(name, (Class<? extends SdkRequest>) in,
                    (Class<? extends SdkResponse>) out, null));
        }
        return new ServiceModel(descriptor, operations);
    }

    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    public Collection<OperationModel> operations() {
        return operations.values();
    }

    /** The operation of that wire name, or null. */
    public OperationModel operation(String name) {
        return operations.get(name);
    }
}
