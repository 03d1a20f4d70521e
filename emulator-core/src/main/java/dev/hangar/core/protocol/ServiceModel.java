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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every operation of one service, read from its SDK v2 client interface (each method taking an XxxRequest and
 * returning an XxxResponse is an operation), with each operation's HTTP binding read from the SDK's own marshaller,
 * its success status and required members from the descriptor's {@link dev.hangar.core.service.ServiceFacts}, and
 * the service's modelled errors. Immutable in what it answers, but
 * built on first use: an awsJson operation is read alone when first addressed (only its own request class and
 * marshaller load), the full table (every operation, restJson's routes) when first needed, and an operation's
 * required members when it first reads a request. Thread-safe; lookups take no lock once built.
 */
public final class ServiceModel {

    private final ServiceDescriptor descriptor;
    private final RequestErrors requestErrors;
    private final ModelledErrors modelledErrors;
    /** awsJson operations read one by one before the full table exists. */
    private final ConcurrentHashMap<String, OperationModel> single = new ConcurrentHashMap<>();
    private volatile Map<String, OperationModel> operations;
    private volatile RestRoutes routes;

    private ServiceModel(ServiceDescriptor descriptor, RequestErrors requestErrors, ModelledErrors modelledErrors) {
        this.descriptor = descriptor;
        this.requestErrors = requestErrors;
        this.modelledErrors = modelledErrors;
    }

    public static ServiceModel of(ServiceDescriptor descriptor) {
        return new ServiceModel(descriptor, descriptor.requestErrors(), new ModelledErrors(descriptor.sdkClient()));
    }

    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    /** Every operation (reads the whole model on first call). */
    public Collection<OperationModel> operations() {
        return all().values();
    }

    /** The operation of that wire name, or null. */
    public OperationModel operation(String name) {
        Map<String, OperationModel> all = operations;
        if (all != null) {
            return all.get(name);
        }
        OperationModel op = single.get(name);
        if (op != null) {
            return op;
        }
        op = readOne(name);
        if (op == null) {
            return all().get(name);
        }
        OperationModel raced = single.putIfAbsent(name, op);
        return raced != null ? raced : op;
    }

    /** The operation that takes this request class, or null when the service has none. */
    public OperationModel operationFor(Class<?> requestClass) {
        String simple = requestClass.getSimpleName();
        if (simple.endsWith("Request")) {
            OperationModel named = operation(simple.substring(0, simple.length() - "Request".length()));
            if (named != null && named.requestClass() == requestClass) {
                return named;
            }
        }
        for (OperationModel op : operations()) {
            if (op.requestClass() == requestClass) {
                return op;
            }
        }
        return null;
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

    /** restJson's routes (null for other protocols), built with the full table on first call. */
    RestRoutes routes() {
        RestRoutes built = routes;
        if (built == null && descriptor.protocol() == Protocol.REST_JSON_1) {
            synchronized (this) {
                built = routes;
                if (built == null) {
                    built = new RestRoutes(all().values());
                    routes = built;
                }
            }
        }
        return built;
    }

    private Map<String, OperationModel> all() {
        Map<String, OperationModel> all = operations;
        if (all == null) {
            synchronized (this) {
                all = operations;
                if (all == null) {
                    all = readOperations(descriptor, requestErrors, single);
                    operations = all;
                }
            }
        }
        return all;
    }

    /**
     * An awsJson operation alone, by the SDK's naming (model.{Name}Request, its marshaller, model.{Name}Response),
     * or null when that does not find it (the full table then decides).
     */
    @SuppressWarnings("unchecked")
    private OperationModel readOne(String name) {
        if (descriptor.protocol() == Protocol.REST_JSON_1 || descriptor.sdkClient() == null || !isIdentifier(name)) {
            return null;
        }
        String model = descriptor.sdkClient().getPackageName() + ".model.";
        ClassLoader loader = descriptor.sdkClient().getClassLoader();
        try {
            Class<?> in = Class.forName(model + name + "Request", false, loader);
            Class<?> out = Class.forName(model + name + "Response", false, loader);
            if (!SdkRequest.class.isAssignableFrom(in) || !SdkResponse.class.isAssignableFrom(out)) {
                return null;
            }
            OperationInfo info = OperationBindings.read(in);
            if (info == null || !name.equals(OperationBindings.operationName(info, in))) {
                return null;
            }
            return operation(descriptor, requestErrors, name, (Class<? extends SdkRequest>) in,
                    (Class<? extends SdkResponse>) out, info);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || name.length() > 128 || !Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static OperationModel operation(ServiceDescriptor descriptor, RequestErrors errors, String name,
                                            Class<? extends SdkRequest> in, Class<? extends SdkResponse> out,
                                            OperationInfo info) {
        OperationModel.HttpBinding http = new OperationModel.HttpBinding(
                info == null || info.httpMethod() == null ? "POST" : info.httpMethod().name(),
                info == null ? "/" : info.requestUri(),
                descriptor.facts().successStatus(name),
                info == null ? null : info.operationIdentifier(),
                info != null && info.hasExplicitPayloadMember(),
                info != null && (info.hasStreamingInput() || info.hasEventStreamingInput()));
        OperationModel.ReadRules rules = new OperationModel.ReadRules(descriptor.name(),
                new RequiredMemberList(descriptor, name, in), errors);
        return new OperationModel(name, in, out, http, rules, descriptor.xmlNamespace());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, OperationModel> readOperations(ServiceDescriptor descriptor, RequestErrors errors,
                                                              Map<String, OperationModel> alreadyRead) {
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
            OperationModel known = alreadyRead.get(name);
            operations.put(name, known != null && known.requestClass() == in && known.responseClass() == out ? known
                    : operation(descriptor, errors, name, (Class<? extends SdkRequest>) in,
                    (Class<? extends SdkResponse>) out, info));
        }
        addEventStreamOperations(descriptor, errors, alreadyRead, operations);
        return Collections.unmodifiableMap(operations);
    }

    /**
     * Operations whose output is an event stream (Lambda's InvokeWithResponseStream, Logs' StartLiveTail) are methods
     * of the async client only, taking the request and a response handler: they are operations all the same.
     */
    @SuppressWarnings("unchecked")
    private static void addEventStreamOperations(ServiceDescriptor descriptor, RequestErrors errors,
                                                 Map<String, OperationModel> alreadyRead,
                                                 Map<String, OperationModel> operations) {
        Class<?> sync = descriptor.sdkClient();
        String asyncName = sync.getName().endsWith("Client")
                ? sync.getName().substring(0, sync.getName().length() - "Client".length()) + "AsyncClient" : null;
        Class<?> async;
        try {
            async = asyncName == null ? null : Class.forName(asyncName, false, sync.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        if (async == null) {
            return;
        }
        for (Method method : async.getMethods()) {
            Class<?>[] params = method.getParameterTypes();
            if (Modifier.isStatic(method.getModifiers()) || params.length != 2
                    || !SdkRequest.class.isAssignableFrom(params[0])
                    || !params[1].getSimpleName().endsWith("ResponseHandler")) {
                continue;
            }
            Class<?> in = params[0];
            OperationInfo info = OperationBindings.read(in);
            String name = OperationBindings.operationName(info, in);
            if (operations.containsKey(name)) {
                continue;
            }
            Class<?> out;
            try {
                out = Class.forName(sync.getPackageName() + ".model." + name + "Response", false,
                        sync.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (!SdkResponse.class.isAssignableFrom(out)) {
                continue;
            }
            OperationModel known = alreadyRead.get(name);
            OperationModel op = known != null && known.requestClass() == in ? known
                    : operation(descriptor, errors, name, (Class<? extends SdkRequest>) in,
                    (Class<? extends SdkResponse>) out, info);
            operations.put(name, op);
        }
    }

    /** Whether the operation's output is an event stream (an async-client-only operation of the SDK). */
    public boolean hasEventStreamOutput(OperationModel operation) {
        for (Method method : descriptor.sdkClient().getMethods()) {
            Class<?>[] params = method.getParameterTypes();
            if (params.length == 1 && params[0] == operation.requestClass()) {
                return false;
            }
        }
        return true;
    }

    /** An operation's required members, computed on first access (it reads the request class's SDK fields). */
    private static final class RequiredMemberList extends AbstractList<String> {
        private final ServiceDescriptor service;
        private final String operation;
        private final Class<?> requestClass;
        private volatile List<String> members;

        RequiredMemberList(ServiceDescriptor service, String operation, Class<?> requestClass) {
            this.service = service;
            this.operation = operation;
            this.requestClass = requestClass;
        }

        private List<String> members() {
            List<String> list = members;
            if (list == null) {
                list = requiredMembers(service, operation, requestClass);
                members = list;
            }
            return list;
        }

        @Override
        public String get(int index) {
            return members().get(index);
        }

        @Override
        public int size() {
            return members().size();
        }
    }

    /** What the service's facts say, and any member the SDK itself marks required (RequiredTrait) after them. */
    private static List<String> requiredMembers(ServiceDescriptor service, String operation, Class<?> requestClass) {
        List<String> required = new ArrayList<>(service.facts().requiredMembers(operation));
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
