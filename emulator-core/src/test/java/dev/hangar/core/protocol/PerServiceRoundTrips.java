package dev.hangar.core.protocol;

import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

/**
 * One test factory per service of {@link TestServices}, each asking the subclass for that service's round trips;
 * the factories keep the service's name, so a report reads {@code lambda()[12]} whichever round trip it is.
 */
abstract class PerServiceRoundTrips {

    /** The dynamic tests of one service: one per operation, or per modelled exception. */
    abstract List<DynamicTest> roundTrips(ServiceDescriptor descriptor);

    @TestFactory
    List<DynamicTest> ecs() {
        return roundTrips(TestServices.ECS);
    }

    @TestFactory
    List<DynamicTest> lambda() {
        return roundTrips(TestServices.LAMBDA);
    }

    @TestFactory
    List<DynamicTest> eks() {
        return roundTrips(TestServices.EKS);
    }

    @TestFactory
    List<DynamicTest> apigateway() {
        return roundTrips(TestServices.APIGATEWAY);
    }

    @TestFactory
    List<DynamicTest> apigatewayv2() {
        return roundTrips(TestServices.APIGATEWAYV2);
    }

    @TestFactory
    List<DynamicTest> apprunner() {
        return roundTrips(TestServices.APPRUNNER);
    }

    @TestFactory
    List<DynamicTest> iam() {
        return roundTrips(TestServices.IAM);
    }

    @TestFactory
    List<DynamicTest> sts() {
        return roundTrips(TestServices.STS);
    }

    @TestFactory
    List<DynamicTest> elasticloadbalancingv2() {
        return roundTrips(TestServices.ELBV2);
    }

    @TestFactory
    List<DynamicTest> ec2() {
        return roundTrips(TestServices.EC2);
    }

    @TestFactory
    List<DynamicTest> cloudwatch() {
        return roundTrips(TestServices.CLOUDWATCH);
    }
}
