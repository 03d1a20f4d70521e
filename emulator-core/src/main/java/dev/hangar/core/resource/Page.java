package dev.hangar.core.resource;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken the token of the next page, or null on the last one
 */
public record Page<T>(List<T> items, String nextToken) {
}
