package dev.hangar.core.service;

import dev.hangar.core.protocol.RequestErrors;

import java.util.List;
import java.util.Objects;

/**
 * The wire identity of one AWS service and the facts about it that core reads but must not hold itself.
 *
 * <ul>
 * <li>{@code name}: Hangar's id for it, as in IAM actions and docs: "ecs", "lambda", "apigatewayv2"</li>
 * <li>{@code signingName}: the SigV4 credential-scope service: "ecs", "lambda", "apigateway"</li>
 * <li>{@code protocols}: the wire protocols it is served in; the first is its own, used when a request's protocol
 *     cannot be told (CloudWatch is served in rpcv2Cbor, awsJson 1.0 and awsQuery)</li>
 * <li>{@code targetPrefix}: the service's Smithy shape name: awsJson's X-Amz-Target prefix
 *     ("AmazonEC2ContainerServiceV20141113") and rpcv2Cbor's {@code /service/<name>/} path; null for REST</li>
 * <li>{@code apiVersion}: the query protocols' {@code Version} parameter ("2015-12-01"), null otherwise</li>
 * <li>{@code xmlNamespace}: the namespace of query responses ("https://iam.amazonaws.com/doc/2010-05-08/")</li>
 * <li>{@code sdkClient}: the SDK v2 sync client interface (EcsClient.class); its methods list every operation</li>
 * <li>{@code pathPrefixes}: restJson path prefixes that identify the service when no credential scope does</li>
 * <li>{@code facts}: success statuses and required members, generated into the service's module</li>
 * <li>{@code requestErrors}: how the service words a request body it cannot read</li>
 * <li>{@code faultTypeMember}: the member of the service's error shapes that says who is at fault ("User" or
 *     "Service"), filled in when a modelled error leaves it unset; null when the service has none</li>
 * </ul>
 */
public final class ServiceDescriptor {

    private final String name;
    private final String signingName;
    private final List<Protocol> protocols;
    private final String targetPrefix;
    private final String apiVersion;
    private final String xmlNamespace;
    private final Class<?> sdkClient;
    private final List<String> pathPrefixes;
    private final ServiceFacts facts;
    private final RequestErrors requestErrors;
    private final String faultTypeMember;

    private ServiceDescriptor(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.signingName = b.signingName != null ? b.signingName : b.name;
        if (b.protocols.isEmpty()) {
            throw new IllegalArgumentException("service " + b.name + " names no protocol");
        }
        this.protocols = List.copyOf(b.protocols);
        this.targetPrefix = b.targetPrefix;
        this.apiVersion = b.apiVersion;
        this.xmlNamespace = b.xmlNamespace;
        this.sdkClient = b.sdkClient;
        this.pathPrefixes = List.copyOf(b.pathPrefixes);
        this.facts = b.facts;
        this.requestErrors = b.requestErrors;
        this.faultTypeMember = b.faultTypeMember;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String signingName() {
        return signingName;
    }

    /** The service's own protocol: the first it is served in. */
    public Protocol protocol() {
        return protocols.get(0);
    }

    public List<Protocol> protocols() {
        return protocols;
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String xmlNamespace() {
        return xmlNamespace;
    }

    public Class<?> sdkClient() {
        return sdkClient;
    }

    public List<String> pathPrefixes() {
        return pathPrefixes;
    }

    public ServiceFacts facts() {
        return facts;
    }

    public RequestErrors requestErrors() {
        return requestErrors;
    }

    public String faultTypeMember() {
        return faultTypeMember;
    }

    @Override
    public String toString() {
        return "ServiceDescriptor[" + name + ", " + protocols + "]";
    }

    public static final class Builder {
        private final String name;
        private String signingName;
        private final java.util.ArrayList<Protocol> protocols = new java.util.ArrayList<>();
        private String targetPrefix;
        private String apiVersion;
        private String xmlNamespace;
        private Class<?> sdkClient;
        private List<String> pathPrefixes = List.of();
        private ServiceFacts facts = ServiceFacts.NONE;
        private RequestErrors requestErrors = RequestErrors.SERIALIZATION_EXCEPTION;
        private String faultTypeMember;

        private Builder(String name) {
            this.name = name;
        }

        public Builder signingName(String v) { this.signingName = v; return this; }
        /** The protocols the service is served in, its own first. */
        public Builder protocols(Protocol... v) { this.protocols.clear(); this.protocols.addAll(List.of(v)); return this; }
        public Builder targetPrefix(String v) { this.targetPrefix = v; return this; }
        public Builder apiVersion(String v) { this.apiVersion = v; return this; }
        public Builder xmlNamespace(String v) { this.xmlNamespace = v; return this; }
        public Builder sdkClient(Class<?> v) { this.sdkClient = v; return this; }
        public Builder pathPrefixes(String... v) { this.pathPrefixes = List.of(v); return this; }
        public Builder pathPrefixes(List<String> v) { this.pathPrefixes = List.copyOf(v); return this; }
        public Builder facts(ServiceFacts v) { this.facts = Objects.requireNonNull(v); return this; }
        public Builder requestErrors(RequestErrors v) { this.requestErrors = Objects.requireNonNull(v); return this; }
        public Builder faultTypeMember(String v) { this.faultTypeMember = v; return this; }

        public ServiceDescriptor build() {
            return new ServiceDescriptor(this);
        }
    }
}
