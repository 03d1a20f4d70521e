package dev.hangar.core.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One upgraded connection: does the opening handshake with Netty's handshaker, then stands in the pipeline in place
 * of the HTTP handler, turning frames into the {@link WebSocketHandler}'s events and the {@link WebSocketSession}'s
 * calls into frames. Fragments are joined by Netty's aggregator; pings are answered here; the closing handshake is
 * RFC 6455's (the server closes the TCP connection once close frames were exchanged).
 */
final class NettyWebSocket extends ChannelInboundHandlerAdapter implements WebSocketSession {

    private static final Logger log = LoggerFactory.getLogger(NettyWebSocket.class);
    /** How long a peer may take to answer our close frame before the connection is cut. */
    private static final long CLOSE_WAIT_SECONDS = 2;
    private static final int NO_STATUS = 1005;
    private static final int ABNORMAL = 1006;

    private final AwsHttpRequest request;
    private final String subprotocol;
    private final WebSocketHandler handler;
    private final OutboundRoom waiting = new OutboundRoom();
    private ChannelHandlerContext ctx;
    private volatile boolean open;
    private boolean closeSent;
    private int peerCode = ABNORMAL;
    private String peerReason = "";
    private boolean closeTold;

    private NettyWebSocket(AwsHttpRequest request, String subprotocol, WebSocketHandler handler) {
        this.request = request;
        this.subprotocol = subprotocol;
        this.handler = handler;
    }

    /**
     * Upgrades the connection whose HTTP handler is {@code http}. On the event loop, with the request fully read.
     *
     * @return null once the handshake is under way (the connection is the WebSocket's), or the HTTP answer to a
     *         request that cannot be upgraded
     */
    static AwsHttpResponse handshake(ChannelHandlerContext http, AwsHttpRequest request, Map<String, String> headers,
                                     WebSocketUpgrade upgrade, int maxMessageBytes) {
        if (!(request.headers() instanceof NettyHeaderMap netty)) {
            throw new IllegalStateException("a WebSocket upgrade needs the request as the server read it");
        }
        String uri = request.rawQuery().isEmpty() ? request.path() : request.path() + "?" + request.rawQuery();
        FullHttpRequest handshake = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(request.method()), uri, Unpooled.EMPTY_BUFFER, netty.netty(),
                EmptyHttpHeaders.INSTANCE);
        String chosen = WebSocketUpgrade.chosenSubprotocol(request, upgrade.subprotocols());
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxMessageBytes).allowExtensions(false).build();
        String host = request.header("host") == null ? "localhost" : request.header("host");
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory("ws://" + host + uri, chosen,
                config).newHandshaker(handshake);
        if (handshaker == null) {
            return AwsHttpResponse.json(426, "{\"message\":\"unsupported WebSocket version\"}")
                    .withHeader("Sec-WebSocket-Version", "13");
        }
        HttpHeaders extra = new DefaultHttpHeaders();
        headers.forEach(extra::add);
        ChannelPipeline pipeline = http.pipeline();
        // the handshaker writes its 101 through an HTTP response encoder, which it then removes
        String encoder = "hangar-handshake-encoder";
        pipeline.addFirst(encoder, new HttpResponseEncoder());
        NettyWebSocket socket = new NettyWebSocket(request, chosen, upgrade.handler());
        // in place before the handshake, whose 101 may be written (and the session opened) before it returns
        pipeline.addAfter(http.name(), "hangar-ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes));
        pipeline.addAfter("hangar-ws-aggregator", "hangar-ws", socket);
        try {
            // checks the request before it touches the pipeline: a bad handshake throws here
            handshaker.handshake(http.channel(), handshake, extra, http.newPromise()).addListener(done -> {
                if (done.isSuccess()) {
                    socket.opened();
                } else {
                    log.debug("WebSocket handshake failed: {}", String.valueOf(done.cause()));
                    socket.ctx.close();
                }
            });
        } catch (WebSocketHandshakeException bad) {
            pipeline.remove(encoder);
            pipeline.remove(socket);
            pipeline.remove("hangar-ws-aggregator");
            return AwsHttpResponse.json(400, "{\"message\":\"not a WebSocket handshake: "
                    + String.valueOf(bad.getMessage()).replace('"', '\'') + "\"}");
        }
        // the HTTP handler goes: nothing but frames comes in from now on
        pipeline.remove(http.name());
        return null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    private void opened() {
        if (!ctx.channel().isActive()) {
            return; // channelInactive tells the handler
        }
        open = true;
        try {
            handler.onOpen(this);
        } catch (Throwable error) {
            failed(error);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof WebSocketFrame)) {
                return;
            }
            if (msg instanceof CloseWebSocketFrame close) {
                peerClosed(close);
            } else if (closeSent || !open) {
                return; // after a close only the peer's close matters
            } else if (msg instanceof TextWebSocketFrame text) {
                handler.onText(this, text.text());
            } else if (msg instanceof BinaryWebSocketFrame binary) {
                handler.onBinary(this, ByteBufUtil.getBytes(binary.content()));
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()), ctx.voidPromise());
            } else if (msg instanceof PongWebSocketFrame pong) {
                handler.onPong(this, ByteBufUtil.getBytes(pong.content()));
            }
        } catch (Throwable error) {
            failed(error);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void peerClosed(CloseWebSocketFrame close) {
        peerCode = close.statusCode() < 0 ? NO_STATUS : close.statusCode();
        peerReason = close.reasonText() == null ? "" : close.reasonText();
        open = false;
        if (closeSent) {
            ctx.close();
            return;
        }
        closeSent = true;
        // echo the peer's code (none for none), then end the TCP connection: the server closes first
        CloseWebSocketFrame answer = peerCode == NO_STATUS ? new CloseWebSocketFrame()
                : new CloseWebSocketFrame(peerCode, null);
        ctx.writeAndFlush(answer).addListener(written -> ctx.close());
    }

    /** A handler threw: the session ends with 1011 (internal error). */
    private void failed(Throwable error) {
        log.warn("WebSocket handler for {} failed", request.path(), error);
        doClose(1011, "internal error");
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        waiting.writabilityChanged(ctx.channel());
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open = false;
        waiting.failAll(new StreamClosedException("the WebSocket is closed"));
        if (!closeTold) {
            closeTold = true;
            try {
                handler.onClose(this, peerCode, peerReason);
            } catch (Throwable error) {
                log.warn("WebSocket handler for {} failed on close", request.path(), error);
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a protocol violation (Netty's decoder has sent its close frame already) or a broken connection
        log.debug("WebSocket connection error: {}", cause.toString());
        ctx.close();
    }

    @Override
    public AwsHttpRequest request() {
        return request;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        return send(new TextWebSocketFrame(text));
    }

    @Override
    public CompletableFuture<Void> sendBinary(byte[] data) {
        return send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
    }

    @Override
    public CompletableFuture<Void> ping(byte[] data) {
        return send(new PingWebSocketFrame(Unpooled.wrappedBuffer(data)));
    }

    @Override
    public void close(int code, String reason) {
        onLoop(() -> doClose(code, reason), null);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private CompletableFuture<Void> send(WebSocketFrame frame) {
        CompletableFuture<Void> room = new CompletableFuture<>();
        onLoop(() -> {
            if (!open || closeSent) {
                frame.release();
                room.completeExceptionally(new StreamClosedException("the WebSocket is closed"));
                return;
            }
            ctx.writeAndFlush(frame, ctx.voidPromise());
            waiting.afterWrite(ctx.channel(), room);
        }, () -> {
            frame.release();
            room.completeExceptionally(new StreamClosedException("Hangar is stopping"));
        });
        return room;
    }

    private void doClose(int code, String reason) {
        if (closeSent || !ctx.channel().isActive()) {
            return;
        }
        closeSent = true;
        open = false;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason), ctx.voidPromise());
        ctx.executor().schedule(() -> {
            ctx.close();
        }, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void onLoop(Runnable task, Runnable rejected) {
        EventLoops.run(ctx.executor(), task, rejected);
    }
}
