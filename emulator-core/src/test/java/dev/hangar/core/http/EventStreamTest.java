package dev.hangar.core.http;

import dev.hangar.core.eventstream.EventStreamMessages;
import dev.hangar.core.eventstream.EventStreamWriter;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.ServiceCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.SessionTimeoutException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseStream;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS event streams: the messages decoded by the SDK's own decoder, then whole operations called with the SDK's
 * async clients, whose handlers must see each event as it is written (the test writes the next only after the
 * client saw the one before).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventStreamTest {

    static final FakeStreamingServices.Lambda lambda = new FakeStreamingServices.Lambda();
    static final FakeStreamingServices.Logs logs = new FakeStreamingServices.Logs();
    static HangarServer server;
    static SdkAsyncHttpClient http;
    static LambdaAsyncClient lambdaClient;
    static CloudWatchLogsAsyncClient logsClient;

    @BeforeAll
    static void start() {
        server = HangarServer.builder().port(0).service(lambda).service(logs).build().start();
        http = NettyNioAsyncHttpClient.builder().build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                "test"));
        // no retries: an error event with a 5xx code would start the whole call again, stream and all
        lambdaClient = LambdaAsyncClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
        logsClient = CloudWatchLogsAsyncClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http)
                // StartLiveTail's host prefix ("streaming-") has no place in front of 127.0.0.1
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterEach
    void nothingLeftOver() {
        assertTrue(lambda.streams.isEmpty() && logs.streams.isEmpty(), "a call started a stream no test wrote to");
    }

    @AfterAll
    static void stop() {
        lambdaClient.close();
        logsClient.close();
        http.close();
        server.close();
    }

    static Object next(BlockingQueue<Object> seen) throws InterruptedException {
        Object item = seen.poll(10, TimeUnit.SECONDS);
        assertNotNull(item, "the client's handler saw nothing");
        return item;
    }

    static EventStreamWriter nextStream(BlockingQueue<EventStreamWriter> streams) throws InterruptedException {
        EventStreamWriter events = streams.poll(10, TimeUnit.SECONDS);
        assertNotNull(events, "the handler started no stream");
        return events;
    }

    static Map<String, String> headers(Message message) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> headers.put(name, value.getString()));
        return headers;
    }

    @Test
    void messagesAreWhatTheSdksDecoderReads() {
        byte[] event = EventStreamMessages.event("PayloadChunk", "application/octet-stream",
                "hi".getBytes(StandardCharsets.UTF_8), Map.of("x-own", "v"));
        byte[] exception = EventStreamMessages.exception("SessionTimeoutException", "application/json",
                "{\"message\":\"late\"}".getBytes(StandardCharsets.UTF_8));
        byte[] error = EventStreamMessages.error("InternalFailure", "it broke");
        byte[] all = new byte[event.length + exception.length + error.length];
        System.arraycopy(event, 0, all, 0, event.length);
        System.arraycopy(exception, 0, all, event.length, exception.length);
        System.arraycopy(error, 0, all, event.length + exception.length, error.length);
        MessageDecoder decoder = new MessageDecoder();
        // fed in pieces, as they come off a socket; the decoder checks both CRCs
        for (int at = 0; at < all.length; at += 7) {
            decoder.feed(all, at, Math.min(7, all.length - at));
        }
        List<Message> messages = decoder.getDecodedMessages();
        assertEquals(3, messages.size());
        assertEquals(Map.of(":message-type", "event", ":event-type", "PayloadChunk",
                ":content-type", "application/octet-stream", "x-own", "v"), headers(messages.get(0)));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), messages.get(0).getPayload());
        assertEquals(Map.of(":message-type", "exception", ":exception-type", "SessionTimeoutException",
                ":content-type", "application/json"), headers(messages.get(1)));
        assertEquals(Map.of(":message-type", "error", ":error-code", "InternalFailure",
                ":error-message", "it broke"), headers(messages.get(2)));
        assertEquals(0, messages.get(2).getPayload().length);
        HeaderValue type = messages.get(0).getHeaders().get(":message-type");
        assertEquals(software.amazon.awssdk.eventstream.HeaderType.STRING, type.getType());
        // the prelude: total length, headers length, then the CRC of the two
        assertEquals(event.length, java.nio.ByteBuffer.wrap(event).getInt(0));
    }

    /** What the Lambda client's handler sees, in order: the response, each event, the end or the failure. */
    static InvokeWithResponseStreamResponseHandler lambdaHandler(BlockingQueue<Object> seen) {
        return InvokeWithResponseStreamResponseHandler.builder()
                .onResponse(seen::add)
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(chunk -> seen.add("chunk " + chunk.payload().asUtf8String()))
                        .onInvokeComplete(done -> seen.add("complete " + done.logResult()))
                        .onDefault(other -> seen.add("other " + other.getClass()))
                        .build())
                .onError(seen::add)
                .onComplete(() -> seen.add("end"))
                .build();
    }

    static InvokeWithResponseStreamRequest invoke(String function) {
        return InvokeWithResponseStreamRequest.builder().functionName(function)
                .payload(SdkBytes.fromUtf8String("{}")).build();
    }

    @Test
    void invokeWithResponseStreamDeliversEachChunkAsItIsWritten() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> call = lambdaClient.invokeWithResponseStream(invoke("fn"), lambdaHandler(seen));
        EventStreamWriter events = nextStream(lambda.streams);
        InvokeWithResponseStreamResponse response = assertInstanceOf(InvokeWithResponseStreamResponse.class,
                next(seen));
        assertEquals(200, response.statusCode());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals(EventStreamMessages.CONTENT_TYPE,
                response.sdkHttpResponse().firstMatchingHeader("Content-Type").orElse(null));

        events.event(InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()
                .payload(SdkBytes.fromUtf8String("Hello, ")).build()).get(10, TimeUnit.SECONDS);
        assertEquals("chunk Hello, ", next(seen), "the first chunk is seen before the second is written");
        events.event(InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()
                .payload(SdkBytes.fromUtf8String("world")).build()).get(10, TimeUnit.SECONDS);
        assertEquals("chunk world", next(seen));
        events.event(InvokeWithResponseStreamResponseEvent.invokeCompleteBuilder().logResult("bG9ncw==").build());
        assertEquals("complete bG9ncw==", next(seen));
        events.end();
        assertEquals("end", next(seen));
        call.get(10, TimeUnit.SECONDS);
        events.done().get(10, TimeUnit.SECONDS);
    }

    /**
     * InvokeWithResponseStream's union models no exception, so the SDK makes any exception event a LambdaException;
     * the exception's type (its code) and message still arrive (StartLiveTail's modelled ones come back typed).
     */
    @Test
    void anExceptionMidStreamFailsTheClientsHandlerWithItsTypeAndMessage() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> call = lambdaClient.invokeWithResponseStream(invoke("fn"), lambdaHandler(seen));
        EventStreamWriter events = nextStream(lambda.streams);
        assertInstanceOf(InvokeWithResponseStreamResponse.class, next(seen));
        events.event(InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()
                .payload(SdkBytes.fromUtf8String("partial")).build());
        assertEquals("chunk partial", next(seen));
        events.exception(ResourceNotFoundException.builder().message("the function went away").build());
        AwsServiceException failure = assertInstanceOf(AwsServiceException.class, next(seen));
        assertEquals("ResourceNotFoundException", failure.awsErrorDetails().errorCode());
        assertEquals("the function went away", failure.awsErrorDetails().errorMessage());
        assertNotNull(failure.requestId(), "the request id of the head is carried to the event's exception");
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertEquals("ResourceNotFoundException",
                ((AwsServiceException) thrown.getCause()).awsErrorDetails().errorCode(), "the call fails with it too");
        events.done().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anErrorMessageFailsTheClientsHandlerWithItsCode() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> call = lambdaClient.invokeWithResponseStream(invoke("fn"), lambdaHandler(seen));
        EventStreamWriter events = nextStream(lambda.streams);
        assertInstanceOf(InvokeWithResponseStreamResponse.class, next(seen));
        events.error("InternalFailure", "the runtime crashed");
        AwsServiceException failure = assertInstanceOf(AwsServiceException.class, next(seen));
        assertEquals("InternalFailure", failure.awsErrorDetails().errorCode());
        assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureBeforeTheStreamIsAnOrdinaryError() {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> lambdaClient
                .invokeWithResponseStream(invoke("missing"), lambdaHandler(seen)).get(10, TimeUnit.SECONDS));
        assertInstanceOf(ResourceNotFoundException.class, thrown.getCause());
        for (Object item : seen) {
            Throwable failure = item instanceof java.util.concurrent.CompletionException wrapped ? wrapped.getCause()
                    : (Throwable) item;
            assertInstanceOf(ResourceNotFoundException.class, failure, "no response, no events: only the failure");
        }
    }

    @Test
    void theInProcessClientRefusesAStreamedOperationPlainly() {
        ServiceCalls.Caller caller = new ServiceCalls.Caller("000000000000", "us-east-1");
        AwsException refused = assertThrows(AwsException.class,
                () -> server.calls().callAndWait(caller, invoke("fn")));
        assertEquals(501, refused.status());
        assertTrue(refused.getMessage().contains("event stream"), refused.getMessage());
    }

    static StartLiveTailResponseHandler liveTailHandler(BlockingQueue<Object> seen) {
        return StartLiveTailResponseHandler.builder()
                .onResponse(seen::add)
                .subscriber(StartLiveTailResponseHandler.Visitor.builder()
                        .onSessionStart(start -> seen.add("start " + start.sessionId() + " " + start.logGroupIdentifiers()))
                        .onSessionUpdate(update -> seen.add("update " + update.sessionResults().get(0).message()
                                + " at " + update.sessionResults().get(0).timestamp()))
                        .build())
                .onError(seen::add)
                .onComplete(() -> seen.add("end"))
                .build();
    }

    @Test
    void startLiveTailOverAwsJsonGetsItsInitialResponseThenItsEvents() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> call = logsClient.startLiveTail(r -> r.logGroupIdentifiers("arn:group"),
                liveTailHandler(seen));
        EventStreamWriter events = nextStream(logs.streams);
        assertInstanceOf(StartLiveTailResponse.class, next(seen), "read from the initial-response event");
        events.event(StartLiveTailResponseStream.sessionStartBuilder().sessionId("s-1")
                .logGroupIdentifiers("arn:group").build()).get(10, TimeUnit.SECONDS);
        assertEquals("start s-1 [arn:group]", next(seen));
        events.event(StartLiveTailResponseStream.sessionUpdateBuilder().sessionResults(LiveTailSessionLogEvent
                .builder().message("line 1").timestamp(1_700_000_000_000L).build()).build());
        assertEquals("update line 1 at 1700000000000", next(seen));
        events.exception(SessionTimeoutException.builder().message("Session timed out").build());
        SessionTimeoutException timeout = assertInstanceOf(SessionTimeoutException.class, next(seen));
        assertEquals("Session timed out", timeout.awsErrorDetails().errorMessage());
        assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theProducerLearnsWhenTheClientGoesAway() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> call = lambdaClient.invokeWithResponseStream(invoke("fn"), lambdaHandler(seen));
        EventStreamWriter events = nextStream(lambda.streams);
        assertInstanceOf(InvokeWithResponseStreamResponse.class, next(seen));
        events.event(InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()
                .payload(SdkBytes.fromUtf8String("x")).build());
        assertEquals("chunk x", next(seen));
        call.cancel(true); // the SDK's HTTP client closes the connection of a cancelled call
        ExecutionException gone = assertThrows(ExecutionException.class,
                () -> events.done().get(10, TimeUnit.SECONDS));
        assertInstanceOf(StreamClosedException.class, gone.getCause());
        assertEquals(false, events.isOpen());
    }
}
