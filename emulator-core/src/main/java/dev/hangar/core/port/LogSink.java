package dev.hangar.core.port;

import java.util.List;

/**
 * Where container and function output goes: CloudWatch Logs when it is wired, nowhere otherwise. Lambda writes its
 * START/END/REPORT lines and function output here; ECS tasks using the awslogs driver ship their output here.
 */
public interface LogSink {

    /** One log event; timestamps in epoch milliseconds, as CloudWatch Logs keeps them. */
    record LogEvent(long timestamp, String message) {
    }

    /**
     * Appends events to a stream, creating the group and the stream when missing (as Lambda and the awslogs driver
     * with awslogs-create-group do). Never blocks on I/O; safe from any thread.
     */
    void append(String account, String region, String group, String stream, List<LogEvent> events);

    /**
     * Whether the log group exists (ECS's awslogs driver refuses to start a container whose group is missing). A
     * sink that keeps no groups, {@link #NONE} among them, says yes: with nowhere to keep output there is nothing to
     * check.
     */
    default boolean groupExists(String account, String region, String group) {
        return true;
    }

    /** Creates the log group unless it exists (awslogs-create-group). Never blocks on I/O; safe from any thread. */
    default void createGroup(String account, String region, String group) {
    }

    LogSink NONE = (account, region, group, stream, events) -> {
    };
}
