package dev.hangar.core.service;

import dev.hangar.core.protocol.Codecs;
import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.ProtocolCodec;
import dev.hangar.core.protocol.ServiceModel;

import java.util.HashMap;
import java.util.Map;

/** A service ready to serve: its SDK model, its protocol's codec and the handlers it implements. */
public final class BoundService {

    private final AwsService service;
    private final ServiceModel model;
    private final ProtocolCodec codec;
    private final Map<String, OperationHandler> handlers = new HashMap<>();

    public BoundService(AwsService service) {
        this.service = service;
        this.model = ServiceModel.of(service.descriptor());
        this.codec = Codecs.forProtocol(service.descriptor().protocol());
        for (OperationModel operation : model.operations()) {
            OperationHandler handler = HandlerBinder.bind(service, operation);
            if (handler != null) {
                handlers.put(operation.name(), handler);
            }
        }
    }

    public String name() {
        return service.descriptor().name();
    }

    public AwsService service() {
        return service;
    }

    public ServiceModel model() {
        return model;
    }

    public ProtocolCodec codec() {
        return codec;
    }

    /** The handler, or null when Hangar does not implement the operation. */
    public OperationHandler handler(String operationName) {
        return handlers.get(operationName);
    }

    public boolean implemented(String operationName) {
        return handlers.containsKey(operationName);
    }

    public int implementedCount() {
        return handlers.size();
    }
}
