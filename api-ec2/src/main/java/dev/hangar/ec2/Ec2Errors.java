package dev.hangar.ec2;

import dev.hangar.core.protocol.RequestErrors;
import dev.hangar.core.service.AwsException;

/**
 * EC2's errors with EC2's codes and messages. The SDK for Java models no EC2 exception (every error is an
 * Ec2Exception carrying the code), so these are {@link AwsException}s: the EC2 codec writes them as
 * {@code <Response><Errors><Error><Code>…}, which the SDK reads into {@code awsErrorDetails().errorCode()}.
 * Where each text comes from is in docs/ec2.md.
 */
final class Ec2Errors {

    /**
     * A request parameter the front end cannot read (MaxResults=abc) is EC2's InvalidParameterValue, not the
     * SerializationException of the JSON services; EC2 has no such code.
     */
    static final RequestErrors REQUEST_ERRORS = Ec2Errors::invalidParameterValue;

    private Ec2Errors() {
    }

    static AwsException vpcNotFound(String id) {
        return new AwsException("InvalidVpcID.NotFound", 400, "The vpc ID '" + id + "' does not exist");
    }

    static AwsException subnetNotFound(String id) {
        return new AwsException("InvalidSubnetID.NotFound", 400, "The subnet ID '" + id + "' does not exist");
    }

    static AwsException groupNotFound(String id) {
        return new AwsException("InvalidGroup.NotFound", 400, "The security group '" + id + "' does not exist");
    }

    /** A group asked for by name, which EC2 looks for in the default VPC only. */
    static AwsException groupNameNotFound(String name, String defaultVpcId) {
        return new AwsException("InvalidGroup.NotFound", 400,
                "The security group '" + name + "' does not exist in default VPC '" + defaultVpcId + "'");
    }

    /** @param code InvalidVpcID.Malformed, InvalidSubnetID.Malformed, InvalidGroupId.Malformed (EC2's casing) */
    static AwsException malformed(String code, String id, String prefix) {
        return new AwsException(code, 400, "Invalid id: \"" + id + "\" (expecting \"" + prefix + "-...\")");
    }

    static AwsException invalidFilter(String name) {
        return invalidParameterValue("The filter '" + name + "' is invalid");
    }

    static AwsException maxResultsTooSmall(int value, int min) {
        return invalidParameterValue("Value ( " + value + " ) for parameter maxResults is invalid. Expecting a value "
                + "greater than " + min + ".");
    }

    static AwsException maxResultsTooLarge(int value, int max) {
        return invalidParameterValue("Value ( " + value + " ) for parameter maxResults is invalid. Expecting a value "
                + "less than " + max + ".");
    }

    static AwsException invalidToken(String token) {
        return invalidParameterValue(
                "Value ( " + token + " ) for parameter NextToken is invalid. The token is invalid.");
    }

    static AwsException invalidZone(String zone) {
        return invalidParameterValue("Invalid availability zone: [" + zone + "]");
    }

    static AwsException invalidZoneId(String zoneId) {
        return invalidParameterValue("Invalid availability zone ID: [" + zoneId + "]");
    }

    static AwsException invalidParameterValue(String message) {
        return new AwsException("InvalidParameterValue", 400, message);
    }

    /** What EC2 answers a request with DryRun=true that would have succeeded (HTTP 412). */
    static AwsException dryRun() {
        return new AwsException("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
    }

    static void checkDryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw dryRun();
        }
    }
}
