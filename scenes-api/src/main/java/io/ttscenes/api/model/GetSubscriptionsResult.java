package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The webhook subscriptions of the bot ({@code GET /subscriptions}).
 *
 * @param subscriptions current subscriptions
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetSubscriptionsResult(
    List<Subscription> subscriptions) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public GetSubscriptionsResult {
    subscriptions = Lists.copy(subscriptions);
  }
}
