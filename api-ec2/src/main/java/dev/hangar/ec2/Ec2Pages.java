package dev.hangar.ec2;

import dev.hangar.core.resource.Pager;

/**
 * EC2's paging: the kit's pager on NextToken/MaxResults. The Describe operations Hangar serves take 5 to 1000
 * results a page and return every match, in one page, when MaxResults is not given.
 */
final class Ec2Pages {

    static final Pager PAGER = new Pager("NextToken", "MaxResults", Ec2Errors::invalidToken);

    private static final int MIN = 5;
    private static final int MAX = 1000;

    private Ec2Pages() {
    }

    /** The page size a request asks for: all of them when it names none. */
    static int size(Integer maxResults) {
        if (maxResults == null) {
            return Integer.MAX_VALUE;
        }
        if (maxResults < MIN) {
            throw Ec2Errors.maxResultsTooSmall(maxResults, MIN);
        }
        if (maxResults > MAX) {
            throw Ec2Errors.maxResultsTooLarge(maxResults, MAX);
        }
        return maxResults;
    }
}
