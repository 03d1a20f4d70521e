package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.query.internal.marshall.QueryProtocolMarshaller;
import software.amazon.awssdk.protocols.query.internal.unmarshall.QueryProtocolUnmarshaller;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The forms no service of the round trips uses (flattened lists and maps, own member, key and value names, explicit
 * timestamp formats), proven on {@link FlatQueryShapes} against the SDK's own query marshaller and unmarshaller.
 */
class QueryFlattenedFormsTest {

    private static final FlatQueryShapes SAMPLE = FlatQueryShapes.builder()
            .names(List.of("a", "b c")).items(List.of("x", "y&z")).attributes(attributes())
            .labels(Map.of("k", "v<w>")).when(Instant.parse("2023-11-14T22:13:20.5Z"))
            .data(SdkBytes.fromUtf8String("blob \u00e9")).build();

    private static Map<String, String> attributes() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Policy", "{\"a\": 1}");
        map.put("DelaySeconds", "5");
        return map;
    }

    @Test
    void readsWhatTheSdksQueryMarshallerWrites() {
        SdkHttpFullRequest marshalled = QueryProtocolMarshaller.builder().endpoint(URI.create("http://localhost"))
                .operationInfo(OperationInfo.builder().operationIdentifier("Flat").apiVersion("2012-11-05")
                        .httpMethod(SdkHttpMethod.POST).requestUri("/").build())
                .isEc2(false).build().marshall(SAMPLE);
        Map<String, List<String>> params = new TreeMap<>(marshalled.rawQueryParameters());
        assertEquals(List.of("b c"), params.get("Name.2"));
        assertEquals(List.of("y&z"), params.get("Items.Item.2"));
        assertEquals(List.of("DelaySeconds"), params.get("Attribute.2.Name"));
        assertEquals(List.of("v<w>"), params.get("Labels.entry.1.Val"));
        assertEquals(List.of("1700000000.500"), params.get("When"));

        Map<String, List<String>> query = new LinkedHashMap<>();
        marshalled.rawQueryParameters().forEach((name, values) -> query.put(name, new ArrayList<>(values)));
        AwsHttpRequest request = new AwsHttpRequest("GET", "/", "", query, Map.of(), new byte[0], "127.0.0.1");
        PojoShape shape = PojoShape.of(FlatQueryShapes.class);
        SdkPojo builder = shape.newBuilder();
        QueryRequestReader.readStructure(QueryForm.parse(request), shape, builder, false);
        assertEquals(SAMPLE, PojoShape.build(builder));
    }

    @Test
    void writesWhatTheSdksQueryUnmarshallerReads() {
        XmlWriter xml = new XmlWriter().start("FlatResponse", "http://queue.amazonaws.com/doc/2012-11-05/")
                .start("FlatResult");
        XmlMembers.write(xml, SAMPLE, PojoShape.of(FlatQueryShapes.class));
        byte[] body = xml.end("FlatResult").start("ResponseMetadata").element("RequestId", "r")
                .end("ResponseMetadata").end("FlatResponse").toBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(true, text.contains("<Name>a</Name><Name>b c</Name><Items><Item>x</Item><Item>y&amp;z</Item>"
                + "</Items><Attribute><Name>Policy</Name><Value>{\"a\": 1}</Value></Attribute><Attribute><Name>"
                + "DelaySeconds</Name><Value>5</Value></Attribute><Labels><entry><Key>k</Key><Val>v&lt;w&gt;</Val>"
                + "</entry></Labels><When>1700000000.5</When>"), text);

        SdkHttpFullResponse response = SdkHttpFullResponse.builder().statusCode(200)
                .content(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
        FlatQueryShapes read = QueryProtocolUnmarshaller.builder().hasResultWrapper(true).build()
                .<FlatQueryShapes>unmarshall(FlatQueryShapes.builder(), response).left();
        assertEquals(SAMPLE, read);
    }
}
