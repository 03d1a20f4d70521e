package dev.hangar.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where services publish the metrics AWS publishes for them (AWS/ECS CPUUtilization, AWS/ApplicationELB
 * RequestCount, AWS/Lambda Invocations …): CloudWatch once it is wired, nowhere otherwise.
 */
public interface MetricsPort {

    /** One value of one metric at one time, in CloudWatch's terms. */
    record Datum(String metricName, Map<String, String> dimensions, double value, String unit, Instant timestamp) {
    }

    /** Never blocks; safe from any thread. */
    void publish(String account, String region, String namespace, List<Datum> data);

    MetricsPort NONE = (account, region, namespace, data) -> {
    };
}
