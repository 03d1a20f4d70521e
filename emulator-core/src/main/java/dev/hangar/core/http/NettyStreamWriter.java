package dev.hangar.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A streamed body on one connection. Calls from any thread are carried onto the connection's event loop, where all
 * state lives; only {@link #isOpen} reads it from elsewhere. Back-pressure is Netty's writability: a write's future
 * completes at once while the channel is writable, else when {@link #writabilityChanged} finds it writable again.
 */
final class NettyStreamWriter implements StreamWriter {

    private static final Logger log = LoggerFactory.getLogger(NettyStreamWriter.class);

    /** Told once, on the event loop, when the stream is over by its own doing: ended, or aborted. */
    interface Over {
        void over(boolean ended);
    }

    private enum State { OPEN, ENDED, FAILED }

    private final ChannelHandlerContext ctx;
    private final ResponseEncoder.Framing framing;
    private final long length;
    private final Over over;
    private long written;
    private volatile State state = State.OPEN;
    private StreamClosedException failure;
    private final OutboundRoom waiting = new OutboundRoom();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    NettyStreamWriter(ChannelHandlerContext ctx, ResponseEncoder.Framing framing, long length, Over over) {
        this.ctx = ctx;
        this.framing = framing;
        this.length = length;
        this.over = over;
    }

    /** A writer that takes nothing (an answer to HEAD, a client already gone): over before it starts. */
    static NettyStreamWriter closed(String why) {
        NettyStreamWriter writer = new NettyStreamWriter(null, null, -1, ended -> { });
        writer.failure = new StreamClosedException(why);
        writer.state = State.FAILED;
        writer.done.completeExceptionally(writer.failure);
        return writer;
    }

    @Override
    public CompletableFuture<Void> write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    @Override
    public CompletableFuture<Void> write(byte[] bytes, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        CompletableFuture<Void> room = new CompletableFuture<>();
        if (state != State.OPEN) {
            room.completeExceptionally(closedNow());
            return room;
        }
        onLoop(() -> doWrite(bytes, offset, count, room, true), room);
        return room;
    }

    @Override
    public void end() {
        if (state == State.OPEN) {
            onLoop(this::doEnd, null);
        }
    }

    @Override
    public void end(byte[] lastBytes) {
        if (state == State.OPEN) {
            onLoop(() -> {
                doWrite(lastBytes, 0, lastBytes.length, null, false);
                doEnd();
            }, null);
        }
    }

    @Override
    public void abort(Throwable cause) {
        if (state == State.OPEN) {
            onLoop(() -> doAbort(cause), null);
        }
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    /** On the event loop: the channel may take more. */
    void writabilityChanged() {
        waiting.writabilityChanged(ctx.channel());
    }

    /** On the event loop: the client went away (or the connection failed) before the stream was over. */
    void cancel(String why) {
        if (state != State.OPEN) {
            return;
        }
        fail(new StreamClosedException(why));
    }

    /** @param room null when nobody waits for this write (the last bytes of {@link #end(byte[])}) */
    private void doWrite(byte[] bytes, int offset, int count, CompletableFuture<Void> room, boolean flush) {
        if (state != State.OPEN) {
            if (room != null) {
                room.completeExceptionally(closedNow());
            }
            return;
        }
        if (count == 0) {
            if (room != null) {
                room.complete(null);
            }
            return;
        }
        if (framing == ResponseEncoder.Framing.LENGTH && written + count > length) {
            doAbort(new IllegalStateException("the producer wrote " + (written + count) + " bytes of a body of "
                    + length));
            if (room != null) {
                room.completeExceptionally(failure);
            }
            return;
        }
        written += count;
        ByteBuf out = framing == ResponseEncoder.Framing.CHUNKED
                ? ResponseEncoder.chunk(ctx.alloc(), bytes, offset, count)
                : ResponseEncoder.raw(ctx.alloc(), bytes, offset, count);
        // a failed write reaches exceptionCaught, which closes the connection: cancel follows from channelInactive
        if (flush) {
            ctx.writeAndFlush(out, ctx.voidPromise());
        } else {
            ctx.write(out, ctx.voidPromise());
        }
        if (room != null) {
            waiting.afterWrite(ctx.channel(), room);
        }
    }

    private void doEnd() {
        if (state != State.OPEN) {
            return;
        }
        if (framing == ResponseEncoder.Framing.LENGTH && written < length) {
            doAbort(new IllegalStateException("the producer ended after " + written + " bytes of a body of " + length));
            return;
        }
        state = State.ENDED;
        ByteBuf last = framing == ResponseEncoder.Framing.CHUNKED ? ResponseEncoder.lastChunk() : Unpooled.EMPTY_BUFFER;
        // with the last bytes of end(byte[]) still unflushed, this flush sends them and the end together
        ctx.writeAndFlush(last).addListener(sent -> {
            if (sent.isSuccess()) {
                waiting.completeAll();
                done.complete(null);
                over.over(true);
            } else {
                // too late to tell the client anything: what it got is what there is
                failure = new StreamClosedException("the client went away", sent.cause());
                failWaiting();
                done.completeExceptionally(failure);
            }
        });
    }

    private void doAbort(Throwable cause) {
        if (state != State.OPEN) {
            return;
        }
        log.debug("streamed response aborted: {}", String.valueOf(cause));
        fail(new StreamClosedException("the stream was aborted", cause));
        if (framing == ResponseEncoder.Framing.UNTIL_CLOSE) {
            // a close-delimited body's only way to tell the client it was cut is a reset instead of an end
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        ctx.close();
        over.over(false);
    }

    private void fail(StreamClosedException why) {
        failure = why;
        state = State.FAILED; // after failure: the volatile write publishes it to closedNow on other threads
        failWaiting();
        done.completeExceptionally(why);
    }

    private void failWaiting() {
        waiting.failAll(failure);
    }

    private StreamClosedException closedNow() {
        StreamClosedException known = failure;
        return known != null ? known : new StreamClosedException("the stream is over");
    }

    private void onLoop(Runnable task, CompletableFuture<Void> room) {
        EventLoops.run(ctx.executor(), task, room == null ? null
                : () -> room.completeExceptionally(new StreamClosedException("Hangar is stopping")));
    }
}
