package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Message statistics (channels only).
 *
 * @param views number of views
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageStat(
    int views) {
}
