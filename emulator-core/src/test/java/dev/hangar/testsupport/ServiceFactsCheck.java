package dev.hangar.testsupport;

import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.ServiceModel;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.service.ServiceFacts;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks a service's generated facts (docs/service-facts.md) against the SDK for Java they are used with, so that a
 * name the generator spelled otherwise than the SDK, or facts older or newer than the SDK's model, fail a test
 * instead of silently answering 200 and requiring nothing:
 * <ul>
 * <li>every operation the facts name is an operation of the SDK client: one of the sync client's, under the wire
 *     name {@link ServiceModel} gives it, or an event-stream operation only the async client has</li>
 * <li>every member they name is a member ({@link SdkField#memberName()}) of that operation's request class</li>
 * <li>every status is a 2xx</li>
 * <li>every operation of the sync client has a line</li>
 * </ul>
 * Each module calls it once on its service's descriptor, e.g.
 * {@code ServiceFactsCheck.assertMatches(hangar.service(LogsService.class).descriptor())}.
 */
public final class ServiceFactsCheck {

    private ServiceFactsCheck() {
    }

    public static void assertMatches(ServiceDescriptor service) {
        assertEquals(List.of(), problems(service), service.name() + "'s facts against " + service.sdkClient().getName()
                + " (regenerate with scripts/generate-service-facts.sh, at the client version matching the SDK)");
    }

    /** What is wrong with the descriptor's facts, one line each; empty when they match its SDK client. */
    public static List<String> problems(ServiceDescriptor service) {
        ServiceFacts facts = service.facts();
        Map<String, Class<?>> sync = new TreeMap<>();
        for (OperationModel operation : ServiceModel.of(service).operations()) {
            sync.put(operation.name(), operation.requestClass());
        }
        Map<String, Class<?>> known = new TreeMap<>(asyncOnly(service.sdkClient(), new HashSet<>(sync.values())));
        known.putAll(sync);

        List<String> problems = new ArrayList<>();
        if (facts.operationNames().isEmpty()) {
            problems.add("the descriptor carries no facts");
        }
        for (String operation : facts.operationNames()) {
            Class<?> request = known.get(operation);
            if (request == null) {
                problems.add(operation + ": no such operation in " + service.sdkClient().getSimpleName());
                continue;
            }
            int status = facts.successStatus(operation);
            if (status < 200 || status > 299) {
                problems.add(operation + ": success status " + status + " is not a 2xx");
            }
            Set<String> members = memberNames(request);
            for (String member : facts.requiredMembers(operation)) {
                if (!members.contains(member)) {
                    problems.add(operation + ": required member " + member + " is not a member of "
                            + request.getSimpleName() + " " + members);
                }
            }
        }
        for (String operation : sync.keySet()) {
            if (!facts.knows(operation)) {
                problems.add(operation + ": an operation of " + service.sdkClient().getSimpleName()
                        + " the facts do not name");
            }
        }
        return problems;
    }

    /**
     * Operations only the async client has (event streams: Lambda's InvokeWithResponseStream, Logs' StartLiveTail),
     * named by their request class as the SDK names it ({Operation}Request).
     */
    private static Map<String, Class<?>> asyncOnly(Class<?> syncClient, Set<Class<?>> syncRequests) {
        Map<String, Class<?>> operations = new TreeMap<>();
        String name = syncClient.getName();
        if (!name.endsWith("Client")) {
            return operations;
        }
        Class<?> async;
        try {
            async = Class.forName(name.substring(0, name.length() - "Client".length()) + "AsyncClient", false,
                    syncClient.getClassLoader());
        } catch (ClassNotFoundException e) {
            return operations;
        }
        for (Method method : async.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() == 0) {
                continue;
            }
            Class<?> request = method.getParameterTypes()[0];
            String simple = request.getSimpleName();
            if (SdkRequest.class.isAssignableFrom(request) && !syncRequests.contains(request)
                    && simple.endsWith("Request")) {
                operations.put(simple.substring(0, simple.length() - "Request".length()), request);
            }
        }
        return operations;
    }

    private static Set<String> memberNames(Class<?> requestClass) {
        try {
            SdkPojo builder = (SdkPojo) requestClass.getMethod("builder").invoke(null);
            Set<String> names = new LinkedHashSet<>();
            for (SdkField<?> field : builder.sdkFields()) {
                names.add(field.memberName());
            }
            return names;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the members of " + requestClass.getName(), e);
        }
    }
}
