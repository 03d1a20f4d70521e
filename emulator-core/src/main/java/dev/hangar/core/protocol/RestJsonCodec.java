package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * restJson1: the operation is chosen by method + URI template; members travel in the path, the query string, headers
 * and a JSON body (or one explicit payload member is the raw body); errors carry {@code X-Amzn-ErrorType} and the
 * modelled status. Stateless and thread-safe.
 */
public final class RestJsonCodec implements ProtocolCodec {

    private static final String JSON = "application/json";

    RestJsonCodec() {
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON_1;
    }

    @Override
    public OperationMatch resolve(ServiceModel service, AwsHttpRequest request) {
        RestRoutes routes = service.routes();
        OperationMatch match;
        try {
            match = routes == null ? null : routes.find(request.method(), request.path(), queryOf(request));
        } catch (BadInput e) {
            throw new AwsException("UnknownOperationException", 404, e.getMessage());
        }
        if (match == null) {
            throw new AwsException("UnknownOperationException", 404, "The " + service.descriptor().name()
                    + " API has no operation for " + request.method() + " " + request.path());
        }
        return match;
    }

    @Override
    public SdkPojo readRequest(OperationMatch match, AwsHttpRequest request) {
        OperationModel operation = match.operation();
        return RequestChecks.read(operation, (shape, builder) -> {
            readPath(shape, builder, match.pathParams());
            if (shape.queryMembers.length > 0) {
                readQuery(operation, shape, builder, queryOf(request));
            }
            if (shape.headerMembers.length > 0 && request.headers() != null) {
                readHeaders(shape, builder, request.headers());
            }
            readBody(shape, builder, request.body());
        });
    }

    @Override
    public AwsHttpResponse writeResponse(OperationModel operation, SdkPojo response, String requestId) {
        int status = operation.successStatus();
        if (response == null) {
            return AwsHttpResponse.of(status, JSON, new byte[0]);
        }
        PojoShape shape = PojoShape.of(response.getClass());
        if (shape.statusCodeMember != null) {
            Object code = shape.statusCodeMember.get(response);
            if (code instanceof Integer explicit) {
                status = explicit;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        writeHeaders(shape, response, headers);
        byte[] body;
        String contentType = JSON;
        if (shape.explicitPayload != null) {
            body = payloadBytes(shape.explicitPayload, shape.explicitPayload.get(response));
        } else if (shape.bodyMembers.length > 0) {
            body = Json.write(g -> SdkPojoWriter.writeStructure(g, response, shape));
        } else {
            body = new byte[0];
        }
        if (status == 204 || status == 304) {
            body = new byte[0];
        }
        if (!headers.containsKey("Content-Type")) {
            headers.put("Content-Type", contentType);
        }
        return new AwsHttpResponse(status, headers, body);
    }

    @Override
    public AwsHttpResponse writeError(ServiceModel service, Throwable error, String requestId) {
        ErrorDescription description = ErrorDescription.of(service, error);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("X-Amzn-ErrorType", description.code());
        SdkPojo modelled = description.modelled();
        if (modelled != null) {
            writeHeaders(PojoShape.of(modelled.getClass()), modelled, headers);
        }
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            String faultType = service.descriptor().faultTypeMember();
            if (faultType != null && modelled != null) {
                PojoShape.Member member = PojoShape.of(modelled.getClass()).byMemberName.get(faultType);
                if (member != null && member.get(modelled) == null) {
                    // a service whose errors say who is at fault says it in every one: {"Type":"User",...}
                    g.writeStringField(faultType, description.status() < 500 ? "User" : "Service");
                }
            }
            AwsJsonCodec.writeErrorMembers(g, description);
            g.writeEndObject();
        });
        return new AwsHttpResponse(description.status(), headers, body);
    }

    private static Map<String, List<String>> queryOf(AwsHttpRequest request) {
        return request.query() == null ? Map.of() : request.query();
    }

    private static void readPath(PojoShape shape, SdkPojo builder, Map<String, String> labels) {
        for (PojoShape.Member member : shape.pathMembers) {
            String value = labels.get(member.readName);
            if (value != null) {
                try {
                    member.set(builder, TextValues.parse(member.type, value, Format.ISO_8601));
                } catch (BadInput e) {
                    throw e.at(member.readName);
                }
            }
        }
    }

    private static void readQuery(OperationModel operation, PojoShape shape, SdkPojo builder,
                                  Map<String, List<String>> query) {
        for (PojoShape.Member member : shape.queryMembers) {
            try {
                if (member.type.kind == ValueType.Kind.MAP) {
                    Map<String, Object> map = queryMap(operation, shape, member, query);
                    if (!map.isEmpty()) {
                        member.set(builder, map);
                    }
                    continue;
                }
                List<String> values = query.get(member.readName);
                if (values == null || values.isEmpty()) {
                    continue;
                }
                if (member.type.kind == ValueType.Kind.LIST) {
                    List<Object> list = new ArrayList<>(values.size());
                    for (String value : values) {
                        list.add(TextValues.parse(member.type.element, value, Format.ISO_8601));
                    }
                    member.set(builder, list);
                } else {
                    member.set(builder, TextValues.parse(member.type, values.get(0), Format.ISO_8601));
                }
            } catch (BadInput e) {
                throw e.at(member.readName);
            }
        }
    }

    /** A map-typed query member takes every parameter no other member (or the URI's query literal) claims. */
    private static Map<String, Object> queryMap(OperationModel operation, PojoShape shape, PojoShape.Member target,
                                                Map<String, List<String>> query) {
        Set<String> claimed = new HashSet<>();
        for (PojoShape.Member member : shape.queryMembers) {
            if (member != target) {
                claimed.add(member.readName);
            }
        }
        String uri = operation.http() == null ? null : operation.http().requestUri();
        if (uri != null && uri.indexOf('?') >= 0) {
            for (String pair : uri.substring(uri.indexOf('?') + 1).split("&")) {
                claimed.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ValueType valueType = target.type.element;
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (claimed.contains(entry.getKey()) || entry.getValue().isEmpty()) {
                continue;
            }
            if (valueType.kind == ValueType.Kind.LIST) {
                List<Object> list = new ArrayList<>();
                for (String value : entry.getValue()) {
                    list.add(TextValues.parse(valueType.element, value, Format.ISO_8601));
                }
                map.put(entry.getKey(), list);
            } else {
                map.put(entry.getKey(), TextValues.parse(valueType, entry.getValue().get(0), Format.ISO_8601));
            }
        }
        return map;
    }

    private static void readHeaders(PojoShape shape, SdkPojo builder, Map<String, String> headers) {
        for (PojoShape.Member member : shape.headerMembers) {
            try {
                if (member.type.kind == ValueType.Kind.MAP) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (Map.Entry<String, String> header : headers.entrySet()) {
                        if (header.getKey().startsWith(member.headerKey)) {
                            map.put(header.getKey().substring(member.headerKey.length()),
                                    TextValues.parse(member.type.element, header.getValue(), Format.RFC_822));
                        }
                    }
                    if (!map.isEmpty()) {
                        member.set(builder, map);
                    }
                    continue;
                }
                String value = headers.get(member.headerKey);
                if (value == null) {
                    continue;
                }
                if (member.type.kind == ValueType.Kind.LIST) {
                    List<Object> list = new ArrayList<>();
                    for (String part : value.split(",")) {
                        list.add(TextValues.parse(member.type.element, part.strip(), Format.RFC_822));
                    }
                    member.set(builder, list);
                } else if (member.jsonValue) {
                    member.set(builder, new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8));
                } else {
                    member.set(builder, TextValues.parse(member.type, value, Format.RFC_822));
                }
            } catch (IllegalArgumentException e) {
                throw new BadInput("Invalid base64 JSON value").at(member.readName);
            } catch (BadInput e) {
                throw e.at(member.readName);
            }
        }
    }

    private static void readBody(PojoShape shape, SdkPojo builder, byte[] body) {
        PojoShape.Member payload = shape.explicitPayload;
        if (payload == null) {
            if (shape.bodyMembers.length > 0 && body != null) {
                SdkPojoReader.readBody(body, 0, body.length, shape, builder);
            }
            return;
        }
        if (body == null || body.length == 0) {
            return;
        }
        switch (payload.type.kind) {
            case BYTES -> payload.set(builder, SdkBytes.fromByteArray(body));
            case STRING -> payload.set(builder, new String(body, StandardCharsets.UTF_8));
            case POJO -> payload.set(builder, SdkPojoReader.readStructureBody(body, payload.type.shape()));
            default -> throw new BadInput("Unsupported payload member type " + payload.type.describe());
        }
    }

    private static void writeHeaders(PojoShape shape, SdkPojo pojo, Map<String, String> headers) {
        for (PojoShape.Member member : shape.headerMembers) {
            Object value = member.get(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            switch (member.type.kind) {
                case MAP -> {
                    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                        headers.put(member.writeName + entry.getKey(),
                                TextValues.format(member.type.element, entry.getValue(), Format.RFC_822));
                    }
                }
                case LIST -> {
                    StringBuilder joined = new StringBuilder();
                    for (Object element : (List<?>) value) {
                        if (joined.length() > 0) {
                            joined.append(',');
                        }
                        joined.append(TextValues.format(member.type.element, element, Format.RFC_822));
                    }
                    headers.put(member.writeName, joined.toString());
                }
                default -> headers.put(member.writeName, member.jsonValue
                        ? Base64.getEncoder().encodeToString(((String) value).getBytes(StandardCharsets.UTF_8))
                        : TextValues.format(member.type, value, Format.RFC_822));
            }
        }
    }

    private static byte[] payloadBytes(PojoShape.Member payload, Object value) {
        if (value == null) {
            return new byte[0];
        }
        return switch (payload.type.kind) {
            case BYTES -> ((SdkBytes) value).asByteArray();
            case STRING -> ((String) value).getBytes(StandardCharsets.UTF_8);
            case POJO -> Json.write(g -> SdkPojoWriter.writeStructure(g, (SdkPojo) value,
                    PojoShape.of(value.getClass())));
            default -> throw new IllegalStateException("unsupported payload type " + payload.type.kind);
        };
    }
}
