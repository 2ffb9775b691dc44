package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A webhook subscription.
 *
 * @param url the webhook URL
 * @param time when the subscription was created
 * @param updateTypes update types subscribed to; empty means all
 * @param version API version of the subscription; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(
    String url,
    long time,
    @JsonProperty("update_types") List<String> updateTypes,
    String version) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public Subscription {
    updateTypes = Lists.copy(updateTypes);
  }
}
