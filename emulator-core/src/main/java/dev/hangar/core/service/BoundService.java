package dev.hangar.core.service;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.protocol.Codecs;
import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.ProtocolCodec;
import dev.hangar.core.protocol.ServiceModel;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service ready to serve: its SDK model, the codecs of the protocols it is served in and the handlers it
 * implements. The model reads what it needs on first use (see {@link ServiceModel}) and each handler is bound when
 * its operation is first called, so a start loads no operation's classes; once bound, a lookup is a lock-free map read.
 */
public final class BoundService {

    /** Cached for operations the service does not implement. */
    private static final OperationHandler NONE = new OperationHandler() {
        @Override
        public java.util.concurrent.CompletableFuture<Object> handle(RequestContext ctx,
                software.amazon.awssdk.core.SdkPojo request) {
            throw new IllegalStateException("not implemented");
        }

        @Override
        public RunsOn.Pool pool() {
            return RunsOn.Pool.EVENT_LOOP;
        }
    };

    private final AwsService service;
    /** Read once: a service may build its descriptor anew on each call, and the name is asked for per request. */
    private final String name;
    private final ServiceModel model;
    /** The codecs of the service's protocols, its own first. */
    private final ProtocolCodec[] codecs;
    private final ConcurrentHashMap<String, OperationHandler> handlers = new ConcurrentHashMap<>();

    public BoundService(AwsService service) {
        ServiceDescriptor descriptor = service.descriptor();
        this.service = service;
        this.name = descriptor.name();
        this.model = ServiceModel.of(descriptor);
        List<Protocol> protocols = descriptor.protocols();
        this.codecs = new ProtocolCodec[protocols.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forProtocol(protocols.get(i));
        }
    }

    public String name() {
        return name;
    }

    public AwsService service() {
        return service;
    }

    public ServiceModel model() {
        return model;
    }

    /** The codec of the service's own protocol. */
    public ProtocolCodec codec() {
        return codecs[0];
    }

    /** The codec of the protocol this request is in, among the service's; its own when none tells. */
    public ProtocolCodec codecFor(AwsHttpRequest request) {
        if (codecs.length > 1) {
            for (ProtocolCodec codec : codecs) {
                if (codec.accepts(request)) {
                    return codec;
                }
            }
        }
        return codecs[0];
    }

    /** The handler, or null when Hangar does not implement the operation. */
    public OperationHandler handler(String operationName) {
        OperationHandler handler = handlers.get(operationName);
        if (handler == null) {
            OperationModel operation = model.operation(operationName);
            if (operation == null) {
                return null;
            }
            handler = handlers.computeIfAbsent(operationName, n -> bind(operation));
        }
        return handler == NONE ? null : handler;
    }

    public boolean implemented(String operationName) {
        return handler(operationName) != null;
    }

    /** How many of the service's operations Hangar implements (reads the whole model). */
    public int implementedCount() {
        int count = 0;
        for (OperationModel operation : model.operations()) {
            if (handler(operation.name()) != null) {
                count++;
            }
        }
        return count;
    }

    private OperationHandler bind(OperationModel operation) {
        OperationHandler handler = HandlerBinder.bind(service, operation);
        return handler != null ? handler : NONE;
    }
}
