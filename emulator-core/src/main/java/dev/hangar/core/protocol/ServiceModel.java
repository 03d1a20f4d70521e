package dev.hangar.core.protocol;

import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.protocols.core.OperationInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every operation of one service, read from its SDK v2 client interface (each method taking an XxxRequest and
 * returning an XxxResponse is an operation), with each operation's HTTP binding read from the SDK's own marshaller,
 * its success status, its required members, and the service's modelled errors. Built once at start-up; immutable.
 */
public final class ServiceModel {

    private final ServiceDescriptor descriptor;
    private final Map<String, OperationModel> operations;
    private final RequestErrors requestErrors;
    private final ModelledErrors modelledErrors;
    private final RestRoutes routes;

    private ServiceModel(ServiceDescriptor descriptor, Map<String, OperationModel> operations,
                         RequestErrors requestErrors, ModelledErrors modelledErrors) {
        this.descriptor = descriptor;
        this.operations = operations;
        this.requestErrors = requestErrors;
        this.modelledErrors = modelledErrors;
        this.routes = descriptor.protocol() == Protocol.REST_JSON_1 ? new RestRoutes(operations.values()) : null;
    }

    public static ServiceModel of(ServiceDescriptor descriptor) {
        RequestErrors errors = RequestErrors.forService(descriptor.name());
        return new ServiceModel(descriptor, readOperations(descriptor, errors), errors,
                new ModelledErrors(descriptor.sdkClient()));
    }

    /**
     * The same service with another wording for unreadable request bodies (the per-service hook; Lambda's
     * InvalidRequestContentException is built in).
     */
    public ServiceModel withRequestErrors(RequestErrors errors) {
        Map<String, OperationModel> rebuilt = new TreeMap<>();
        for (OperationModel op : operations.values()) {
            OperationModel.ReadRules rules = op.rules();
            rebuilt.put(op.name(), new OperationModel(op.name(), op.requestClass(), op.responseClass(), op.http(),
                    new OperationModel.ReadRules(rules.service(), rules.requiredMembers(), errors)));
        }
        return new ServiceModel(descriptor, rebuilt, errors, modelledErrors);
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

    public RequestErrors requestErrors() {
        return requestErrors;
    }

    /** The HTTP status AWS answers for that error code of this service, or null when the SDK does not say. */
    public Integer errorStatus(String errorCode) {
        return modelledErrors.statusOfCode(errorCode);
    }

    ModelledErrors modelledErrors() {
        return modelledErrors;
    }

    RestRoutes routes() {
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, OperationModel> readOperations(ServiceDescriptor descriptor, RequestErrors errors) {
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
            OperationInfo info = OperationBindings.read(in);
            String name = OperationBindings.operationName(info, in);
            OperationModel.HttpBinding http = new OperationModel.HttpBinding(
                    info == null || info.httpMethod() == null ? "POST" : info.httpMethod().name(),
                    info == null ? "/" : info.requestUri(),
                    SuccessStatuses.of(descriptor.name(), name),
                    info == null ? null : info.operationIdentifier(),
                    info != null && info.hasExplicitPayloadMember(),
                    info != null && (info.hasStreamingInput() || info.hasEventStreamingInput()));
            OperationModel.ReadRules rules = new OperationModel.ReadRules(descriptor.name(),
                    requiredMembers(descriptor.name(), name, in), errors);
            operations.put(name, new OperationModel(name, (Class<? extends SdkRequest>) in,
                    (Class<? extends SdkResponse>) out, http, rules));
        }
        return operations;
    }

    private static List<String> requiredMembers(String service, String operation, Class<?> requestClass) {
        List<String> required = new ArrayList<>(RequiredMembers.of(service, operation));
        PojoShape shape = PojoShape.of(requestClass);
        for (PojoShape.Member member : shape.members) {
            SdkField<Object> field = member.field;
            if (field.containsTrait(RequiredTrait.class) && !required.contains(member.memberName)) {
                required.add(member.memberName);
            }
        }
        required.removeIf(name -> !shape.byMemberName.containsKey(name));
        return List.copyOf(required);
    }
}
