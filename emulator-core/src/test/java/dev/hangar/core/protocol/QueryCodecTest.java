package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.service.ServiceFacts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query codecs' wire details that the round trips do not pin down: exact bodies, bad input, errors. */
class QueryCodecTest {

    private static final ServiceModel IAM = ServiceModel.of(TestServices.IAM);
    private static final ServiceModel STS = ServiceModel.of(TestServices.STS);
    private static final ServiceModel EC2 = ServiceModel.of(TestServices.EC2);
    private static final ProtocolCodec QUERY = Codecs.forProtocol(TestServices.IAM.protocol());
    private static final ProtocolCodec EC2_QUERY = Codecs.forProtocol(TestServices.EC2.protocol());

    private static AwsHttpRequest form(String body) {
        return new AwsHttpRequest("POST", "/", "", Map.of(),
                Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static String text(AwsHttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static AwsException rejected(ProtocolCodec codec, ServiceModel model, AwsHttpRequest request) {
        return assertThrows(AwsException.class, () -> codec.readRequest(codec.resolve(model, request), request));
    }

    @Test
    void readsFormsAndUrlQueries() {
        AwsHttpRequest post = form("Action=TagUser&Version=2010-05-08&UserName=a+b%2Bc&Tags.member.2.Key=k2"
                + "&Tags.member.1.Key=k1&Tags.member.1.Value=%3C%26%3E&Unknown.member.1=x");
        assertEquals(TagUserRequest.builder().userName("a b+c").tags(t -> t.key("k1").value("<&>"), t -> t.key("k2"))
                .build(), QUERY.readRequest(QUERY.resolve(IAM, post), post));

        AwsHttpRequest get = new AwsHttpRequest("GET", "/", "", Map.of("Action", List.of("ListUsers"),
                "Version", List.of("2010-05-08"), "MaxItems", List.of("7")), Map.of(), new byte[0], "127.0.0.1");
        assertTrue(QUERY.accepts(get));
        assertEquals(ListUsersRequest.builder().maxItems(7).build(), QUERY.readRequest(QUERY.resolve(IAM, get), get));

        // "Tags=" is the awsQuery empty list, distinct from no list at all
        AwsHttpRequest empty = form("Action=TagUser&Version=2010-05-08&UserName=u&Tags=");
        TagUserRequest read = (TagUserRequest) QUERY.readRequest(QUERY.resolve(IAM, empty), empty);
        assertTrue(read.hasTags());
        assertEquals(List.of(), read.tags());
    }

    @Test
    void acceptsOnlyQueryShapedRequests() {
        assertTrue(QUERY.accepts(form("Action=ListUsers")));
        assertFalse(QUERY.accepts(Requests.awsJson("AmazonEC2ContainerServiceV20141113.ListClusters", "{}")));
        assertFalse(EC2_QUERY.accepts(Requests.rest("GET", "/2015-03-31/functions", null)));
    }

    @Test
    void missingAndUnknownActionsAndForeignVersionsAreQueryErrors() {
        AwsException missing = assertThrows(AwsException.class, () -> QUERY.resolve(IAM, form("Version=2010-05-08")));
        assertEquals("MissingAction", missing.code());
        assertEquals(400, missing.status());

        AwsException unknown = assertThrows(AwsException.class,
                () -> QUERY.resolve(IAM, form("Action=Frobnicate&Version=2010-05-08")));
        assertEquals("InvalidAction", unknown.code());
        assertEquals(400, unknown.status());
        assertEquals("Could not find operation Frobnicate for version 2010-05-08", unknown.getMessage());

        AwsException otherVersion = assertThrows(AwsException.class,
                () -> QUERY.resolve(IAM, form("Action=ListUsers&Version=2011-06-15")));
        assertEquals("InvalidAction", otherVersion.code());
        assertEquals("Could not find operation ListUsers for version 2011-06-15", otherVersion.getMessage());

        AwsException ec2 = assertThrows(AwsException.class,
                () -> EC2_QUERY.resolve(EC2, form("Action=Frobnicate&Version=2016-11-15")));
        assertEquals("InvalidAction", ec2.code());
        assertEquals("The action Frobnicate is not valid for this web service.", ec2.getMessage());

        String body = text(QUERY.writeError(IAM, unknown, "req-1"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/"
                + "2010-05-08/\"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation "
                + "Frobnicate for version 2010-05-08</Message></Error><RequestId>req-1</RequestId></ErrorResponse>",
                body);
    }

    @Test
    void badValuesAreTheServicesBadInputErrorNamingTheParameter() {
        AwsException notANumber = rejected(QUERY, IAM, form("Action=ListUsers&Version=2010-05-08&MaxItems=many"));
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.getMessage().contains("MaxItems"), notANumber.getMessage());

        AwsException badEscape = rejected(QUERY, IAM, form("Action=ListUsers&Version=2010-05-08&Marker=%zz"));
        assertEquals(400, badEscape.status());

        // required members come from the service's facts, as for the JSON codecs (api-iam will carry IAM's)
        ServiceModel withFacts = ServiceModel.of(ServiceDescriptor.builder("iam").protocols(Protocol.AWS_QUERY)
                .apiVersion("2010-05-08").sdkClient(IamClient.class)
                .facts(ServiceFacts.of("TagUser 200 UserName,Tags")).build());
        AwsException missingMember = rejected(QUERY, withFacts, form("Action=TagUser&Version=2010-05-08&UserName=u"));
        assertEquals(400, missingMember.status());
        assertEquals("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not "
                + "be null", missingMember.getMessage());
    }

    @Test
    void awsQueryResponsesWrapTheirMembersInAResult() {
        OperationModel createUser = IAM.operation("CreateUser");
        CreateUserResponse created = CreateUserResponse.builder().user(User.builder().userName("a<b>&c\r\n")
                .createDate(Instant.parse("2024-01-02T03:04:05.678Z")).tags(t -> t.key("k").value("v")).build())
                .build();
        AwsHttpResponse response = QUERY.writeResponse(createUser, created, "req-2");
        assertEquals(200, response.status());
        assertEquals("text/xml", response.headers().get("Content-Type"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CreateUserResponse xmlns=\"https://iam.amazonaws.com/"
                + "doc/2010-05-08/\"><CreateUserResult><User><UserName>a&lt;b&gt;&amp;c&#13;\n</UserName><CreateDate>"
                + "2024-01-02T03:04:05.678Z</CreateDate><Tags><member><Key>k</Key><Value>v</Value></member></Tags>"
                + "</User></CreateUserResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>"
                + "</CreateUserResponse>", text(response));

        // an operation whose output has no members has no Result element, as AWS answers DeleteUser
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteUserResponse xmlns=\"https://iam.amazonaws.com/"
                + "doc/2010-05-08/\"><ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata>"
                + "</DeleteUserResponse>", text(QUERY.writeResponse(IAM.operation("DeleteUser"),
                DeleteUserResponse.builder().build(), "req-3")));

        String summary = text(QUERY.writeResponse(IAM.operation("GetAccountSummary"),
                GetAccountSummaryResponse.builder().summaryMapWithStrings(Map.of("Users", 3)).build(), "r"));
        assertTrue(summary.contains("<SummaryMap><entry><key>Users</key><value>3</value></entry></SummaryMap>"),
                summary);
    }

    @Test
    void ec2ResponsesCarryTheRequestIdAndItemLists() {
        DescribeInstancesResponse described = DescribeInstancesResponse.builder().reservations(Reservation.builder()
                .reservationId("r-1").instances(Instance.builder().instanceId("i-1").ebsOptimized(false).build())
                .build()).build();
        AwsHttpResponse response = EC2_QUERY.writeResponse(EC2.operation("DescribeInstances"), described, "req-4");
        assertEquals("text/xml;charset=UTF-8", response.headers().get("Content-Type"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeInstancesResponse xmlns=\"http://ec2.amazonaws"
                + ".com/doc/2016-11-15/\"><requestId>req-4</requestId><reservationSet><item><reservationId>r-1"
                + "</reservationId><instancesSet><item><ebsOptimized>false</ebsOptimized><instanceId>i-1</instanceId>"
                + "</item></instancesSet></item></reservationSet></DescribeInstancesResponse>", text(response));

        AwsHttpResponse error = EC2_QUERY.writeError(EC2, new AwsException("InvalidInstanceID.NotFound", 400,
                "The instance ID 'i-1' does not exist"), "req-5");
        assertEquals(400, error.status());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InvalidInstanceID."
                + "NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors>"
                + "<RequestID>req-5</RequestID></Response>", text(error));
    }

    @Test
    void modelledErrorsTakeTheCodeAndStatusTheSdkRegisters() {
        AwsHttpResponse notFound = QUERY.writeError(IAM, NoSuchEntityException.builder().message("no user").build(),
                "r");
        assertEquals(404, notFound.status());
        assertTrue(text(notFound).contains("<Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>no user"
                + "</Message></Error>"), text(notFound));

        AwsHttpResponse failure = QUERY.writeError(IAM, ServiceFailureException.builder().message("x").build(), "r");
        assertEquals(500, failure.status());
        assertTrue(text(failure).contains("<Type>Receiver</Type><Code>ServiceFailure</Code>"), text(failure));

        AwsHttpResponse rejected = QUERY.writeError(STS, IdpRejectedClaimException.builder().message("no").build(),
                "r");
        assertEquals(403, rejected.status());
        assertTrue(text(rejected).contains("<Code>IDPRejectedClaim</Code>"), text(rejected));
        assertEquals(404, IAM.errorStatus("NoSuchEntity"));

        // an AwsException says whose fault it is itself
        assertTrue(text(QUERY.writeError(IAM, new AwsException("Throttling", 400, false, "slow down", Map.of()), "r"))
                .contains("<Type>Receiver</Type><Code>Throttling</Code>"));
        assertTrue(text(QUERY.writeError(IAM, dev.hangar.core.service.AwsErrors.notImplemented("iam", "X"), "r"))
                .contains("<Type>Receiver</Type><Code>NotImplemented</Code>"));

        AwsHttpResponse crash = QUERY.writeError(IAM, new IllegalStateException("boom"), "r");
        assertEquals(500, crash.status());
        assertFalse(text(crash).contains("at dev.hangar"), "no stack trace");
    }
}
