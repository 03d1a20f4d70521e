package dev.hangar.core.protocol;

import java.util.Map;

/** The operation a request addresses, with the path variables its URI template captured (decoded). */
public record OperationMatch(OperationModel operation, Map<String, String> pathParams) {
}
