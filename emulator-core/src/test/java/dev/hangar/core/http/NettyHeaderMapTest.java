package dev.hangar.core.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request headers read through Netty's table must look exactly like the lower-cased map they replace. */
class NettyHeaderMapTest {

    private static HttpHeaders sample() {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.add("Host", "ecs.localhost");
        headers.add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");
        headers.add("X-Thing", "a");
        headers.add("Content-Type", "application/x-amz-json-1.1");
        headers.add("x-thing", "b");
        headers.add("X-THING", "c");
        return headers;
    }

    @Test
    void lookUpsByLowerCaseNameJoinRepeatsInArrivalOrder() {
        NettyHeaderMap map = new NettyHeaderMap(sample());
        assertEquals("ecs.localhost", map.get("host"));
        assertEquals("AmazonEC2ContainerServiceV20141113.ListClusters", map.get("x-amz-target"));
        assertEquals("a,b,c", map.get("x-thing"));
        assertNull(map.get("authorization"));
        assertTrue(map.containsKey("content-type"));
        assertFalse(map.containsKey("authorization"));
    }

    @Test
    void namesWithUpperCaseFindNothingAsInAMapOfLowerCaseKeys() {
        NettyHeaderMap map = new NettyHeaderMap(sample());
        assertNull(map.get("Host"));
        assertFalse(map.containsKey("X-Amz-Target"));
        assertNull(map.get(42));
    }

    @Test
    void wholeMapIsTheLowerCasedCopy() {
        NettyHeaderMap map = new NettyHeaderMap(sample());
        assertEquals(Map.of("host", "ecs.localhost",
                "x-amz-target", "AmazonEC2ContainerServiceV20141113.ListClusters",
                "x-thing", "a,b,c",
                "content-type", "application/x-amz-json-1.1"), map);
        assertEquals(4, map.size());
        assertFalse(map.isEmpty());
        assertTrue(new NettyHeaderMap(new DefaultHttpHeaders()).isEmpty());
    }
}
