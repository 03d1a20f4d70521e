/**
 * The wire protocols: requests into the SDK's own model classes and responses and errors back out, for awsJson 1.0,
 * awsJson 1.1, restJson1, awsQuery, EC2's query protocol and Smithy RPC v2 CBOR (one reader and one writer serve
 * JSON and CBOR alike).
 *
 * <p>Entry points: {@link dev.hangar.core.protocol.ServiceModel#of} once per service at start-up (cheap: on first use
 * it reads an operation's HTTP binding from the SDK's marshaller, its success status and required members from the
 * descriptor's generated facts, and the service's modelled error statuses; awsJson reads only the operations called,
 * restJson all bindings for its routes),
 * then {@link dev.hangar.core.protocol.Codecs#forProtocol} for the stateless codec, whose four methods
 * (resolve, readRequest, writeResponse, writeError) the dispatcher calls per request. How a service words an
 * unreadable body or a missing required member is {@link dev.hangar.core.protocol.RequestErrors}, on the service's
 * descriptor.
 *
 * <p>Per-class metadata is computed once ({@code PojoShape}); the per-request path is Jackson streaming over it, or
 * for the query protocols a walk of the sent parameters ({@code QueryForm}, {@code QueryRequestReader}) and a small
 * XML writer ({@code XmlWriter}, {@code XmlMembers}); {@code QueryCodec} holds what awsQuery and EC2 share.
 */
package dev.hangar.core.protocol;
