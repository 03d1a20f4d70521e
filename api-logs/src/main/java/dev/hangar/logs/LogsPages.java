package dev.hangar.logs;

import dev.hangar.core.resource.Pager;

/** CloudWatch Logs' paging: the kit's pager on nextToken/limit with AWS's "The specified nextToken is invalid.". */
final class LogsPages {

    static final Pager PAGER = new Pager("nextToken", "limit", token -> LogsErrors.invalidToken());

    private LogsPages() {
    }
}
