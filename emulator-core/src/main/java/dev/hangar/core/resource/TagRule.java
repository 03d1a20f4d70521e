package dev.hangar.core.resource;

/** The rules of AWS's tagging that a request can break (see {@link TagRules}). */
public enum TagRule {
    /** More than 50 tags in one request (the model's limit on the member). */
    TOO_MANY_IN_REQUEST,
    /** A key of fewer than 1 or more than 128 characters. */
    KEY_LENGTH,
    /** A key with a character outside letters, numbers, spaces and _ . : / = + - @. */
    KEY_CHARACTERS,
    /** A value of more than 256 characters. */
    VALUE_LENGTH,
    /** A value with a character outside letters, numbers, spaces and _ . : / = + - @. */
    VALUE_CHARACTERS
}
