package dev.hangar.core.service;

import java.util.Map;

/**
 * An AWS error as the wire shows it: code, HTTP status, fault side and message, plus any extra members the error
 * shape carries (Lambda's "Type" and "Reason"). Handlers may also throw the SDK's modelled exceptions
 * ({@code ClusterNotFoundException.builder().message(..).build()}); codecs render both.
 */
public class AwsException extends RuntimeException {

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> extraMembers;

    public AwsException(String code, int status, String message) {
        this(code, status, status < 500, message, Map.of());
    }

    public AwsException(String code, int status, boolean senderFault, String message, Map<String, String> extraMembers) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
        this.extraMembers = Map.copyOf(extraMembers);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return senderFault;
    }

    public Map<String, String> extraMembers() {
        return extraMembers;
    }
}
