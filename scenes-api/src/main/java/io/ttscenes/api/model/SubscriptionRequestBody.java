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
 * @param secret MAX only: a secret (5..256 of {@code A-Za-z0-9_-}) MAX sends back in the
 *     {@code X-Max-Bot-Api-Secret} header of every webhook call; may be null (TamTam has none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionRequestBody(
    String url,
    @JsonProperty("update_types") List<String> updateTypes,
    String version,
    String secret) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public SubscriptionRequestBody {
    updateTypes = updateTypes == null ? null : Lists.copy(updateTypes);
  }

  /** A subscription of {@code url} to every update type. */
  public static SubscriptionRequestBody of(String url) {
    return new SubscriptionRequestBody(url, null, null, null);
  }
}
