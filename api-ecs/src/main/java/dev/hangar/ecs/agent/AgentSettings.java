package dev.hangar.ecs.agent;

import java.net.URI;
import java.util.Map;

/**
 * The settings of what Hangar serves inside ECS tasks, from Hangar's environment; a malformed one stops the start
 * (IllegalArgumentException naming it, as Hangar's other settings).
 *
 * @param port           HANGAR_ECS_AGENT_PORT: the port of the metadata and credentials endpoints at 169.254.170.2,
 *                       80 as on ECS (then containers get AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)
 * @param portFallback   the port was not set: when 80 cannot be bound (no root, another Hangar has it) a free port is
 *                       taken instead and containers get AWS_CONTAINER_CREDENTIALS_FULL_URI
 * @param awsEndpointUrl HANGAR_ECS_AWS_ENDPOINT_URL: AWS_ENDPOINT_URL in task containers; null = Hangar's API at
 *                       169.254.170.2 on Hangar's port (the default), "" = not set (the value {@code off})
 */
public record AgentSettings(int port, boolean portFallback, String awsEndpointUrl) {

    public static final String PORT = "HANGAR_ECS_AGENT_PORT";
    public static final String ENDPOINT_URL = "HANGAR_ECS_AWS_ENDPOINT_URL";

    public static AgentSettings fromEnvironment(Map<String, String> env) {
        String port = blankToNull(env.get(PORT));
        int value = 80;
        if (port != null) {
            try {
                value = Integer.parseInt(port.trim());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(PORT + " must be a port from 0 to 65535, got '" + port + "'");
            }
        }
        String url = blankToNull(env.get(ENDPOINT_URL));
        if (url != null) {
            url = url.trim();
            if (url.equalsIgnoreCase("off")) {
                url = "";
            } else if (!validUrl(url)) {
                throw new IllegalArgumentException(ENDPOINT_URL + " must be an http:// or https:// URL with a host, or"
                        + " off, got '" + url + "'");
            }
        }
        return new AgentSettings(value, port == null, url);
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
