package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Clients of other accounts and regions than the extension's, and the check of an EC2 error as the SDK reads it. */
final class Ec2TestClients {

    private Ec2TestClients() {
    }

    /** A client whose 12-digit access key id makes Hangar put it in that account. */
    static Ec2Client client(HangarExtension hangar, String account, Region region) {
        return Ec2Client.builder().endpointOverride(hangar.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The call fails with EC2's code, HTTP status and message, as the SDK parses them. */
    static AwsServiceException assertEc2Error(String code, int status, String message, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.toString());
        assertEquals(status, e.statusCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
        return e;
    }
}
