package dev.hangar.core.http;

import io.netty.channel.Channel;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The futures of writes waiting for the channel to take more (Netty's writability: its outgoing buffer fell below
 * the low-water mark). Event loop only.
 */
final class OutboundRoom {

    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>(2);

    /** After a write: room now, or once the channel is writable again. */
    void afterWrite(Channel channel, CompletableFuture<Void> room) {
        if (channel.isWritable() && waiting.isEmpty()) {
            room.complete(null);
        } else {
            waiting.add(room);
        }
    }

    void writabilityChanged(Channel channel) {
        CompletableFuture<Void> room;
        // a completed future may run its producer's next write right here, which may fill the channel again
        while (channel.isWritable() && (room = waiting.poll()) != null) {
            room.complete(null);
        }
    }

    void completeAll() {
        CompletableFuture<Void> room;
        while ((room = waiting.poll()) != null) {
            room.complete(null);
        }
    }

    void failAll(Throwable why) {
        CompletableFuture<Void> room;
        while ((room = waiting.poll()) != null) {
            room.completeExceptionally(why);
        }
    }
}
