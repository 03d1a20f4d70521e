package dev.hangar.logs;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.port.LogSink;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.util.List;

/**
 * Amazon CloudWatch Logs, in memory: log groups, streams, events and their searches, handled by one object per
 * resource ({@link LogGroupHandlers}, {@link LogStreamHandlers}, {@link LogEventHandlers}, {@link TagHandlers}).
 * The events' handler is also the {@link LogSink} Lambda and ECS write their output to. Handlers only touch memory
 * and never block, so they run on the event loop.
 */
public final class LogsService implements AwsService {

    private final AccountRegionStore<LogsRegion> regions = new AccountRegionStore<>(LogsRegion::new);
    private final LogEventHandlers events;
    private final List<Object> handlers;

    /** As Hangar makes it: on Hangar's clock, and the log sink other services write to. */
    public LogsService(ServiceContext ctx) {
        this(ctx.clock());
        ctx.ports().provide(LogSink.class, events);
    }

    /**
     * @param clock creation and ingestion times, and the too-old / too-new limits of PutLogEvents, are measured on
     *              it
     */
    private LogsService(HangarClock clock) {
        this.events = new LogEventHandlers(regions, clock);
        this.handlers = List.of(new LogGroupHandlers(regions, clock), new LogStreamHandlers(regions, clock), events,
                new TagHandlers(regions));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1).targetPrefix("Logs_20140328")
                .sdkClient(CloudWatchLogsClient.class).facts(LogsFacts.FACTS).requestErrors(LogsErrors.REQUEST_ERRORS)
                .build();
    }

    @Override
    public List<Object> handlers() {
        return handlers;
    }

    @Override
    public ConsoleView consoleView() {
        return new LogsConsoleView(regions);
    }

    @Override
    public void reset() {
        regions.clear();
    }
}
