package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Request body of {@code POST /subscriptions}: subscribe a webhook.
 *
 * @param url the HTTPS endpoint of the bot
 * @param updateTypes update types to receive; null (omitted) means all types
 * @param version API version; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionRequestBody(
    String url,
    @JsonProperty("update_types") List<String> updateTypes,
    String version) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public SubscriptionRequestBody {
    updateTypes = updateTypes == null ? null : Lists.copy(updateTypes);
  }

  /** A subscription of {@code url} to every update type. */
  public static SubscriptionRequestBody of(String url) {
    return new SubscriptionRequestBody(url, null, null);
  }
}
