package dev.hangar.core.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Turns Netty's request into an {@link AwsHttpRequest}, and the pipeline's answer back into Netty's response. */
@ChannelHandler.Sharable
final class NettyRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(NettyRequestHandler.class);
    private static final AttributeKey<String> REMOTE_ADDRESS =
            AttributeKey.valueOf(NettyRequestHandler.class, "remoteAddress");
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory();
    private final HttpHandler pipeline;

    NettyRequestHandler(HttpHandler pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        if (!msg.decoderResult().isSuccess()) {
            write(ctx, AwsHttpResponse.json(400, "{\"__type\":\"BadRequest\",\"message\":\"malformed HTTP request\"}"),
                    false);
            return;
        }
        AwsHttpRequest request = toAwsRequest(ctx, msg);
        CompletableFuture<AwsHttpResponse> answer = pipeline.handle(request);
        if (answer.isDone() && ctx.executor().inEventLoop()) {
            // handlers that answer at once (in-memory services run on the loop): no callback to allocate
            AwsHttpResponse out;
            try {
                out = answer.join();
            } catch (Throwable error) {
                out = internalError(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            write(ctx, out, keepAlive);
            return;
        }
        answer.whenComplete((response, error) -> {
            AwsHttpResponse out = error == null ? response : internalError(error);
            if (ctx.executor().inEventLoop()) {
                write(ctx, out, keepAlive);
            } else {
                ctx.executor().execute(() -> write(ctx, out, keepAlive));
            }
        });
    }

    private static AwsHttpRequest toAwsRequest(ChannelHandlerContext ctx, FullHttpRequest msg) {
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
        String remote = remoteAddress(ctx);
        return new AwsHttpRequest(msg.method().name(), path, rawQuery, query, new NettyHeaderMap(msg.headers()),
                ByteBufUtil.getBytes(msg.content()), remote);
    }

    /** The peer's address as text, worked out once per connection rather than per request. */
    private static String remoteAddress(ChannelHandlerContext ctx) {
        Attribute<String> cached = ctx.channel().attr(REMOTE_ADDRESS);
        String remote = cached.get();
        if (remote == null) {
            SocketAddress address = ctx.channel().remoteAddress();
            if (address == null) {
                return null;
            }
            remote = address.toString();
            cached.set(remote);
        }
        return remote;
    }

    private static AwsHttpResponse internalError(Throwable error) {
        log.error("request failed outside any service's error handling", error);
        return AwsHttpResponse.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"internal error\"}");
    }

    static void write(ChannelHandlerContext ctx, AwsHttpResponse response, boolean keepAlive) {
        // no trailers are ever sent: an empty trailer set instead of a second header table per response
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()),
                RESPONSE_HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
        HttpHeaders headers = out.headers();
        response.headers().forEach(headers::set);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(out);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
