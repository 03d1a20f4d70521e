package dev.hangar.core.http;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Three CloudWatch operations, enough to drive a service served in two protocols (rpcv2Cbor for the SDK, awsJson
 * 1.0 for the CLI) over the wire; awsQuery, CloudWatch's third, waits for its codec.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
final class FakeCloudWatchService implements AwsService {

    final List<PutMetricDataRequest> puts = new CopyOnWriteArrayList<>();
    /** The request headers of the last call, to see which protocol a client chose. */
    volatile java.util.Map<String, String> lastHeaders;
    private final List<Metric> metrics = new CopyOnWriteArrayList<>();

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("cloudwatch").signingName("monitoring")
                .protocols(Protocol.RPC_V2_CBOR, Protocol.AWS_JSON_1_0, Protocol.AWS_QUERY)
                .targetPrefix("GraniteServiceVersion20100801").apiVersion("2010-08-01")
                .xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/").sdkClient(CloudWatchClient.class)
                .build();
    }

    public PutMetricDataResponse putMetricData(RequestContext ctx, PutMetricDataRequest request) {
        lastHeaders = ctx.http().headers();
        puts.add(request);
        for (MetricDatum datum : request.metricData()) {
            Metric metric = Metric.builder().namespace(request.namespace()).metricName(datum.metricName())
                    .dimensions(datum.dimensions()).build();
            if (!metrics.contains(metric)) {
                metrics.add(metric);
            }
        }
        return PutMetricDataResponse.builder().build();
    }

    public ListMetricsResponse listMetrics(RequestContext ctx, ListMetricsRequest request) {
        lastHeaders = ctx.http().headers();
        return ListMetricsResponse.builder().metrics(metrics.stream()
                .filter(m -> request.namespace() == null || request.namespace().equals(m.namespace()))
                .toList()).build();
    }

    public GetDashboardResponse getDashboard(RequestContext ctx, GetDashboardRequest request) {
        throw DashboardNotFoundErrorException.builder()
                .message("Dashboard " + request.dashboardName() + " does not exist").build();
    }

    @Override
    public void reset() {
        puts.clear();
        metrics.clear();
    }
}
