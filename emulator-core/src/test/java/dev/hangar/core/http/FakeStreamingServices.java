package dev.hangar.core.http;

import dev.hangar.core.eventstream.EventStreamReply;
import dev.hangar.core.eventstream.EventStreamWriter;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Two test services whose one operation answers with an event stream, one per protocol family: Lambda's
 * InvokeWithResponseStream (restJson: the response in the head) and Logs' StartLiveTail (awsJson: the response as
 * the initial-response event). Each hands its event writer to the test, which writes the events.
 */
final class FakeStreamingServices {

    private FakeStreamingServices() {
    }

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    static final class Lambda implements AwsService {
        final BlockingQueue<EventStreamWriter> streams = new LinkedBlockingQueue<>();

        @Override
        public ServiceDescriptor descriptor() {
            return ServiceDescriptor.builder("lambda").protocols(Protocol.REST_JSON_1)
                    .sdkClient(LambdaClient.class).build();
        }

        public EventStreamReply<InvokeWithResponseStreamResponse> invokeWithResponseStream(RequestContext ctx,
                InvokeWithResponseStreamRequest request) {
            if (request.functionName().equals("missing")) {
                throw ResourceNotFoundException.builder().message("Function not found: missing").build();
            }
            return EventStreamReply.of(InvokeWithResponseStreamResponse.builder().statusCode(200)
                    .executedVersion("$LATEST").build(), streams::add);
        }
    }

    @RunsOn(RunsOn.Pool.WORKERS)
    static final class Logs implements AwsService {
        final BlockingQueue<EventStreamWriter> streams = new LinkedBlockingQueue<>();

        @Override
        public ServiceDescriptor descriptor() {
            return ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1).targetPrefix("Logs_20140328")
                    .sdkClient(CloudWatchLogsClient.class).build();
        }

        /** Answers later, from another thread, as a handler that first checks the log groups would. */
        public CompletableFuture<EventStreamReply<StartLiveTailResponse>> startLiveTail(RequestContext ctx,
                StartLiveTailRequest request) {
            return CompletableFuture.supplyAsync(() ->
                    EventStreamReply.of(StartLiveTailResponse.builder().build(), streams::add));
        }
    }
}
