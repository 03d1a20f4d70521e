package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EC2's query wire as a hand-written client sends it: what the SDKs never send still gets EC2's error shape. */
class WireTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hangar.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/ec2/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResponseIsEc2sXmlWithItsRequestIdAndItemLists() throws Exception {
        HttpResponse<String> ok = post("Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=is-default"
                + "&Filter.1.Value.1=true");
        assertEquals(200, ok.statusCode(), ok.body());
        String body = ok.body();
        assertTrue(body.contains("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"), body);
        assertTrue(body.contains("<requestId>"), body);
        assertTrue(body.contains("<vpcSet><item>"), body);
        assertTrue(body.contains("<isDefault>true</isDefault>"), body);
        assertTrue(body.contains("<cidrBlock>172.31.0.0/16</cidrBlock>"), body);
    }

    @Test
    void anUnreadableParameterIsInvalidParameterValueInEc2sErrorShape() throws Exception {
        HttpResponse<String> bad = post("Action=DescribeVpcs&Version=2016-11-15&MaxResults=abc");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
                + "<Code>InvalidParameterValue</Code>"), bad.body());
        assertTrue(bad.body().contains("<RequestID>"), bad.body());
    }
}
