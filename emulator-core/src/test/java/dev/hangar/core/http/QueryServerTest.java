package dev.hangar.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query protocol end to end: a test-only STS in awsQuery behind a real server, called by the real StsClient
 * (signed, and unsigned as AssumeRoleWithWebIdentity is), by raw HTTP, and by the AWS CLI v1, which must also print
 * Hangar's message for a query service Hangar does not emulate.
 */
class QueryServerTest {

    static FakeStsService sts = new FakeStsService();
    static HangarServer server;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).service(sts).service(new FakeEcsService())
                .plannedServices(List.of("sts")).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static StsClient anonymous() {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void signedCallsReachTheHandlerAndAnswerInXml() {
        try (StsClient client = TestClients.pointedAt(StsClient.builder(), server.endpoint())) {
            GetCallerIdentityResponse identity = client.getCallerIdentity();
            assertEquals("000000000000", identity.account());
            assertEquals("arn:aws:iam::000000000000:user/hangar", identity.arn());
            assertNotNull(identity.responseMetadata().requestId());
            assertEquals(identity.responseMetadata().requestId(), sts.lastContext.requestId());

            StsException notImplemented = assertThrows(StsException.class, () -> client.getSessionToken());
            assertEquals(501, notImplemented.statusCode());
            assertEquals("NotImplemented", notImplemented.awsErrorDetails().errorCode());
            assertEquals("not implemented in Hangar: sts:GetSessionToken",
                    notImplemented.awsErrorDetails().errorMessage());
            assertNotNull(notImplemented.requestId());
        }
    }

    @Test
    void unsignedAssumeRoleWithWebIdentityIsRoutedByItsVersion() {
        try (StsClient client = anonymous()) {
            AssumeRoleWithWebIdentityResponse assumed = client.assumeRoleWithWebIdentity(b -> b
                    .roleArn("arn:aws:iam::123456789012:role/ci").roleSessionName("build-7")
                    .webIdentityToken("eyJ.token").providerId("www.example.com"));
            assertEquals("ASIAHANGAR", assumed.credentials().accessKeyId());
            assertEquals(FakeStsService.EXPIRATION, assumed.credentials().expiration());
            assertEquals("arn:aws:iam::123456789012:assumed-role/ci/build-7", assumed.assumedRoleUser().arn());
            assertEquals("subject of eyJ.token", assumed.subjectFromWebIdentityToken());
            assertNull(sts.lastContext.http().header("authorization"), "the SDK sent it unsigned");

            InvalidIdentityTokenException expired = assertThrows(InvalidIdentityTokenException.class,
                    () -> client.assumeRoleWithWebIdentity(b -> b.roleArn("arn:aws:iam::1:role/r")
                            .roleSessionName("s").webIdentityToken("expired")));
            assertEquals(400, expired.statusCode());
            assertEquals("InvalidIdentityToken", expired.awsErrorDetails().errorCode());
            assertEquals("The web identity token is expired", expired.awsErrorDetails().errorMessage());

            IdpRejectedClaimException rejected = assertThrows(IdpRejectedClaimException.class,
                    () -> client.assumeRoleWithWebIdentity(b -> b.roleArn("arn:aws:iam::1:role/r")
                            .roleSessionName("s").webIdentityToken("rejected")));
            assertEquals(403, rejected.statusCode());
            assertEquals("Rejected <claim> & more", rejected.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void unknownActionsAndUnknownQueryServicesAnswerInXml() throws Exception {
        HttpResponse<String> unknownAction = postForm("Action=Frobnicate&Version=2011-06-15");
        assertEquals(400, unknownAction.statusCode());
        assertEquals("text/xml", unknownAction.headers().firstValue("content-type").orElseThrow());
        String requestId = unknownAction.headers().firstValue("x-amzn-requestid").orElseThrow();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/"
                + "2011-06-15/\"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation "
                + "Frobnicate for version 2011-06-15</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>", unknownAction.body());

        HttpResponse<String> unknownService = postForm("Action=ListIdentities&Version=2010-12-01");
        assertEquals(404, unknownService.statusCode());
        assertEquals("text/xml", unknownService.headers().firstValue("content-type").orElseThrow());
        assertTrue(unknownService.headers().firstValue("x-amzn-requestid").isPresent());
        assertTrue(unknownService.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error>"
                + "<Type>Sender</Type><Code>UnknownServiceException</Code><Message>Hangar does not emulate the service "
                + "this request addresses (signing name none, Action 'ListIdentities', Version '2010-12-01')"
                + "</Message>"), unknownService.body());
    }

    private static HttpResponse<String> postForm(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void awsCliV1() {
        AwsCli aws = AwsCli.v1().at(server.endpoint());
        JsonNode identity = aws.json("sts", "get-caller-identity");
        assertEquals("000000000000", identity.at("/Account").asText());
        assertEquals("arn:aws:iam::000000000000:user/hangar", identity.at("/Arn").asText());

        JsonNode assumed = aws.json("sts", "assume-role-with-web-identity", "--role-arn",
                "arn:aws:iam::123456789012:role/ci", "--role-session-name", "cli", "--web-identity-token", "token-1");
        assertEquals("ASIAHANGAR", assumed.at("/Credentials/AccessKeyId").asText());
        assertEquals("arn:aws:iam::123456789012:assumed-role/ci/cli", assumed.at("/AssumedRoleUser/Arn").asText());
        assertNull(sts.lastContext.http().header("authorization"), "the CLI sent it unsigned");

        AwsCli.Result rejected = aws.run("sts", "assume-role-with-web-identity", "--role-arn",
                "arn:aws:iam::1:role/r", "--role-session-name", "cli", "--web-identity-token", "rejected");
        assertEquals(255, rejected.exit(), rejected.err());
        assertTrue(rejected.err().contains("An error occurred (IDPRejectedClaim) when calling the "
                + "AssumeRoleWithWebIdentity operation: Rejected <claim> & more"), rejected.err());

        AwsCli.Result ses = aws.run("ses", "list-identities");
        assertFalse(ses.err().contains("Unable to parse"), ses.err());
        assertTrue(ses.err().contains("An error occurred (UnknownServiceException) when calling the ListIdentities "
                + "operation: Hangar does not emulate the service this request addresses (signing name 'ses', "
                + "Action 'ListIdentities', Version '2010-12-01')"), ses.err());
    }
}
