package dev.hangar.ecs.agent;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentSettingsTest {

    @Test
    void defaultsArePort80WithAFallbackAndHangarsOwnEndpoint() {
        AgentSettings s = AgentSettings.fromEnvironment(Map.of());
        assertEquals(80, s.port());
        assertTrue(s.portFallback());
        assertNull(s.awsEndpointUrl());
    }

    @Test
    void aSetPortIsKeptAndOffSwitchesTheEndpointUrlOff() {
        AgentSettings s = AgentSettings.fromEnvironment(Map.of("HANGAR_ECS_AGENT_PORT", " 8080 ",
                "HANGAR_ECS_AWS_ENDPOINT_URL", "OFF"));
        assertEquals(8080, s.port());
        assertFalse(s.portFallback());
        assertEquals("", s.awsEndpointUrl());
        assertEquals("http://10.0.0.5:4566", AgentSettings.fromEnvironment(
                Map.of("HANGAR_ECS_AWS_ENDPOINT_URL", "http://10.0.0.5:4566")).awsEndpointUrl());
    }

    @Test
    void malformedValuesNameTheVariable() {
        assertEquals("HANGAR_ECS_AGENT_PORT must be a port from 0 to 65535, got '70000'",
                assertThrows(IllegalArgumentException.class, () -> AgentSettings.fromEnvironment(
                        Map.of("HANGAR_ECS_AGENT_PORT", "70000"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentSettings.fromEnvironment(
                Map.of("HANGAR_ECS_AWS_ENDPOINT_URL", "ftp://x"))).getMessage()
                .startsWith("HANGAR_ECS_AWS_ENDPOINT_URL must be an http:// or https:// URL"));
    }

    @Test
    void callersAreTheAgentNetworkTheLoopbackAndTheHostsOwnAddresses() {
        assertTrue(AgentRequests.fromAgentNetwork("/169.254.170.9:40000"));
        assertTrue(AgentRequests.fromAgentNetwork("/127.0.0.1:40000"));
        assertFalse(AgentRequests.fromAgentNetwork("/203.0.113.9:40000"));
        assertEquals("169.254.170.9", AgentRequests.host("/169.254.170.9:40000"));
    }
}
