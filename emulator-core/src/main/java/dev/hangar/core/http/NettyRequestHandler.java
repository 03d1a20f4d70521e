package dev.hangar.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One per connection, behind Netty's request decoder: gathers a request's head and body pieces into an
 * {@link AwsHttpRequest}, enforces the size limit (413 in AWS's shape), answers {@code Expect: 100-continue}, hands the
 * request to the pipeline and writes its answer with {@link ResponseEncoder}, keeping or closing the connection as
 * HTTP/1.1 and 1.0 say. This replaces Netty's aggregator and response encoder: a body usually arrives in one piece
 * and is copied once, straight into the array the codecs read.
 *
 * <p>A {@link AwsHttpResponse#live() live} answer keeps the exchange open after its head: a streamed body until its
 * producer ends it (requests pipelined behind it wait their turn), or a WebSocket, which takes the connection over.
 */
final class NettyRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(NettyRequestHandler.class);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_BODY = new byte[0];
    /** How long a connection we are done with may still take to send us the rest of its request. */
    private static final long LINGER_SECONDS = 2;

    private final HttpHandler pipeline;
    private final int maxRequestBytes;
    private String remoteAddress;

    /** The request being gathered: its head, and its body so far when it comes in more than one piece. */
    private HttpRequest head;
    private ByteBuf pieces;
    private long declaredLength;
    /** The connection ends after an answer already given or being worked out: nothing more is served. */
    private boolean closing;
    /** An answer is being worked out off the event loop; requests that arrive meanwhile wait their turn. */
    private boolean answering;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>(2);
    /** The streamed body being written, if any. */
    private NettyStreamWriter stream;

    NettyRequestHandler(HttpHandler pipeline, int maxRequestBytes) {
        this.pipeline = pipeline;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closing) {
                return; // what a client sends after the answer that ends its connection is read and dropped
            }
            if (msg instanceof HttpRequest request) {
                onHead(ctx, request);
            }
            if (msg instanceof HttpContent content && head != null) {
                onContent(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        releasePieces();
        if (!request.decoderResult().isSuccess()) {
            malformed(ctx);
            return;
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > maxRequestBytes) {
            tooLarge(ctx);
            return;
        }
        head = request;
        declaredLength = declared;
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        if (!content.decoderResult().isSuccess()) {
            malformed(ctx);
            return;
        }
        ByteBuf data = content.content();
        boolean last = content instanceof LastHttpContent;
        if (pieces == null && last) {
            // the usual case: the whole body in one piece, copied once
            dispatch(ctx, data.isReadable() ? ByteBufUtil.getBytes(data) : NO_BODY);
            return;
        }
        if (data.isReadable()) {
            if (pieces == null) {
                // sized for the whole body when its length was declared, so a large upload is not copied while it grows
                pieces = ctx.alloc().heapBuffer((int) Math.max(declaredLength, Math.max(256, data.readableBytes() * 2L)));
            }
            if (pieces.readableBytes() + (long) data.readableBytes() > maxRequestBytes) {
                tooLarge(ctx);
                return;
            }
            pieces.writeBytes(data);
        }
        if (last) {
            byte[] body = pieces == null ? NO_BODY : ByteBufUtil.getBytes(pieces);
            releasePieces();
            dispatch(ctx, body);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, byte[] body) {
        HttpRequest request = head;
        head = null;
        Exchange exchange = new Exchange(toAwsRequest(ctx, request, body), connectionAfter(request),
                !HttpMethod.HEAD.equals(request.method()));
        closing = exchange.connection == ResponseEncoder.Connection.CLOSE;
        if (answering) {
            // HTTP/1.1 answers pipelined requests in order: this one waits for the answer still being worked out
            waiting.add(exchange);
        } else {
            serve(ctx, exchange);
        }
    }

    /** Runs on the event loop. */
    private void serve(ChannelHandlerContext ctx, Exchange exchange) {
        CompletableFuture<AwsHttpResponse> answer = pipeline.handle(exchange.request);
        if (answer.isDone()) {
            // handlers that answer at once (in-memory services run on the loop): no callback to allocate
            AwsHttpResponse out;
            try {
                out = answer.join();
            } catch (Throwable error) {
                out = internalError(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            if (out.live() == null) {
                write(ctx, out, exchange.connection, exchange.withBody);
                return;
            }
            answering = true;
            live(ctx, exchange, out);
            return;
        }
        answering = true;
        answer.whenComplete((response, error) -> {
            AwsHttpResponse out = error == null ? response : internalError(error);
            if (ctx.executor().inEventLoop()) {
                answered(ctx, exchange, out);
            } else {
                ctx.executor().execute(() -> answered(ctx, exchange, out));
            }
        });
    }

    private void answered(ChannelHandlerContext ctx, Exchange exchange, AwsHttpResponse response) {
        if (response.live() != null) {
            live(ctx, exchange, response);
            return;
        }
        write(ctx, response, exchange.connection, exchange.withBody);
        exchangeDone(ctx, exchange.connection);
    }

    /** The answer being worked out is out: the next pipelined request's turn, unless the connection ends. */
    private void exchangeDone(ChannelHandlerContext ctx, ResponseEncoder.Connection connection) {
        answering = false;
        if (connection == ResponseEncoder.Connection.CLOSE) {
            waiting.clear();
            return;
        }
        while (!answering && !waiting.isEmpty()) {
            serve(ctx, waiting.poll());
        }
    }

    private void live(ChannelHandlerContext ctx, Exchange exchange, AwsHttpResponse response) {
        if (response.live() instanceof WebSocketUpgrade upgrade) {
            upgrade(ctx, exchange, response, upgrade);
        } else {
            stream(ctx, exchange, response, (StreamedBody) response.live());
        }
    }

    /**
     * Writes the head of a streamed answer and starts its producer. A body of unknown length is chunked for an
     * HTTP/1.1 client that keeps its connection; otherwise it ends with the connection (HTTP/1.0 cannot chunk).
     */
    private void stream(ChannelHandlerContext ctx, Exchange exchange, AwsHttpResponse response, StreamedBody body) {
        ResponseEncoder.Connection connection = exchange.connection;
        ResponseEncoder.Framing framing;
        if (body.length() >= 0) {
            framing = ResponseEncoder.Framing.LENGTH;
        } else if (connection == ResponseEncoder.Connection.KEEP_ALIVE_HTTP11) {
            framing = ResponseEncoder.Framing.CHUNKED;
        } else {
            framing = ResponseEncoder.Framing.UNTIL_CLOSE;
            connection = ResponseEncoder.Connection.CLOSE;
            closing = true;
        }
        ByteBuf head = ResponseEncoder.encodeStreamHead(ctx.alloc(), response, connection, framing, body.length());
        if (!exchange.withBody) {
            // HEAD: the head a GET would get, no body; the producer learns at once that nobody reads one
            if (connection == ResponseEncoder.Connection.CLOSE) {
                ctx.writeAndFlush(head).addListener(written -> closeGracefully(ctx, written.isSuccess()));
            } else {
                ctx.writeAndFlush(head, ctx.voidPromise());
            }
            start(body.producer(), NettyStreamWriter.closed("a HEAD request: no body is sent"));
            exchangeDone(ctx, connection);
            return;
        }
        ctx.writeAndFlush(head, ctx.voidPromise());
        ResponseEncoder.Connection after = connection;
        NettyStreamWriter writer = new NettyStreamWriter(ctx, framing, body.length(),
                ended -> streamOver(ctx, after, ended));
        stream = writer;
        if (!ctx.channel().isActive()) {
            stream = null;
            writer.cancel("the client went away");
        }
        start(body.producer(), writer);
    }

    private static void start(ResponseStream producer, NettyStreamWriter writer) {
        try {
            producer.start(writer);
        } catch (Throwable error) {
            log.warn("a streamed response's producer failed to start", error);
            writer.abort(error);
        }
    }

    /** The streamed answer was ended (or aborted, which closed the connection). */
    private void streamOver(ChannelHandlerContext ctx, ResponseEncoder.Connection connection, boolean ended) {
        stream = null;
        if (!ended) {
            closing = true;
            answering = false;
            waiting.clear();
            return;
        }
        if (connection == ResponseEncoder.Connection.CLOSE) {
            closeGracefully(ctx, true);
        }
        exchangeDone(ctx, connection);
    }

    /** Hands the connection to a WebSocket, or answers why it cannot be one. */
    private void upgrade(ChannelHandlerContext ctx, Exchange exchange, AwsHttpResponse response,
                         WebSocketUpgrade upgrade) {
        AwsHttpResponse refusal;
        if (exchange.connection != ResponseEncoder.Connection.KEEP_ALIVE_HTTP11 || !exchange.withBody) {
            refusal = AwsHttpResponse.json(400,
                    "{\"message\":\"a WebSocket handshake is an HTTP/1.1 GET that keeps its connection\"}");
        } else {
            refusal = NettyWebSocket.handshake(ctx, exchange.request, response.headers(), upgrade, maxRequestBytes);
        }
        if (refusal != null) {
            write(ctx, refusal, exchange.connection, exchange.withBody);
            exchangeDone(ctx, exchange.connection);
            return;
        }
        // the connection is the WebSocket's now; nothing may be pipelined behind an upgrade
        closing = true;
        waiting.clear();
    }

    private record Exchange(AwsHttpRequest request, ResponseEncoder.Connection connection, boolean withBody) {
    }

    private static ResponseEncoder.Connection connectionAfter(HttpRequest request) {
        if (!HttpUtil.isKeepAlive(request)) {
            return ResponseEncoder.Connection.CLOSE;
        }
        return request.protocolVersion() == HttpVersion.HTTP_1_0 ? ResponseEncoder.Connection.KEEP_ALIVE_HTTP10
                : ResponseEncoder.Connection.KEEP_ALIVE_HTTP11;
    }

    private AwsHttpRequest toAwsRequest(ChannelHandlerContext ctx, HttpRequest msg, byte[] body) {
        String uri = msg.uri();
        String path;
        String rawQuery;
        Map<String, List<String>> query;
        if (uri.indexOf('?') < 0 && uri.indexOf('#') < 0) {
            // the usual awsJson "POST /": nothing to decode
            path = uri;
            rawQuery = "";
            query = Map.of();
        } else {
            QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
            path = decoder.rawPath();
            rawQuery = decoder.rawQuery();
            query = rawQuery.isEmpty() ? Map.of() : decoder.parameters();
        }
        return new AwsHttpRequest(msg.method().name(), path, rawQuery, query, new NettyHeaderMap(msg.headers()),
                body, remoteAddress(ctx));
    }

    /** The peer's address as text, worked out once per connection rather than per request. */
    private String remoteAddress(ChannelHandlerContext ctx) {
        if (remoteAddress == null && ctx.channel().remoteAddress() != null) {
            remoteAddress = ctx.channel().remoteAddress().toString();
        }
        return remoteAddress;
    }

    private void malformed(ChannelHandlerContext ctx) {
        head = null;
        closing = true;
        releasePieces();
        write(ctx, AwsHttpResponse.json(400, "{\"__type\":\"BadRequest\",\"message\":\"malformed HTTP request\"}"),
                ResponseEncoder.Connection.CLOSE, true);
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        head = null;
        closing = true;
        releasePieces();
        AwsHttpResponse response = AwsHttpResponse.json(413,
                        "{\"__type\":\"RequestEntityTooLargeException\",\"message\":\"Request must be smaller than "
                                + maxRequestBytes + " bytes\"}")
                .withHeader("X-Amzn-ErrorType", "RequestEntityTooLargeException");
        // the rest of the body is still on the wire: the connection cannot be reused
        write(ctx, response, ResponseEncoder.Connection.CLOSE, true);
    }

    private void releasePieces() {
        if (pieces != null) {
            pieces.release();
            pieces = null;
        }
    }

    private static AwsHttpResponse internalError(Throwable error) {
        log.error("request failed outside any service's error handling", error);
        return AwsHttpResponse.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"internal error\"}");
    }

    private static void write(ChannelHandlerContext ctx, AwsHttpResponse response, ResponseEncoder.Connection connection,
                              boolean withBody) {
        ByteBuf[] wire = ResponseEncoder.encode(ctx.alloc(), response, connection, withBody);
        for (int i = 0; i < wire.length - 1; i++) {
            ctx.write(wire[i]);
        }
        if (connection == ResponseEncoder.Connection.CLOSE) {
            ctx.writeAndFlush(wire[wire.length - 1]).addListener(written -> closeGracefully(ctx, written.isSuccess()));
        } else {
            ctx.writeAndFlush(wire[wire.length - 1], ctx.voidPromise());
        }
    }

    /**
     * Ends the connection after its last answer. Closing at once while the client is still sending (the rest of an
     * oversized body, say) makes the kernel answer the unread bytes with a reset, which can destroy the answer before
     * the client has read it. So only our side is shut: the client reads the answer and the end of the stream, the
     * rest of its request is read and dropped, and the connection closes when the client closes it, or after
     * {@link #LINGER_SECONDS} at the latest.
     */
    private static void closeGracefully(ChannelHandlerContext ctx, boolean written) {
        if (written && ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
            duplex.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (stream != null) {
            stream.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releasePieces();
        if (stream != null) {
            NettyStreamWriter cut = stream;
            stream = null;
            cut.cancel("the client went away");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
