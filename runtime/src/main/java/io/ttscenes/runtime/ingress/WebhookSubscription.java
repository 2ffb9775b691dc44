package io.ttscenes.runtime.ingress;

import io.ttscenes.api.model.SubscriptionRequestBody;
import io.ttscenes.runtime.client.ApiDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription side of a webhook's lifecycle: subscribing its public URL (the secret appended)
 * once it serves, and removing that subscription on stop when the settings ask for it. Does
 * nothing when no public URL is set.
 */
final class WebhookSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

  private final WebhookSettings settings;

  WebhookSubscription(WebhookSettings settings) {
    this.settings = settings;
  }

  /**
   * Subscribes the public URL, if set (with MAX, the secret too, which MAX then sends in its
   * header); throws the API's exception when it is refused.
   */
  void subscribe() {
    settings.subscriptionUrl().ifPresent(url -> {
      String headerSecret = settings.dialect() == ApiDialect.MAX ? settings.secret() : null;
      settings.api().subscribe(
          new SubscriptionRequestBody(url, settings.subscribedTypes(), null, headerSecret));
      LOG.info("webhook subscribed at {}", settings.redacted(url));
    });
  }

  /**
   * Unsubscribes the public URL when it is set and {@link WebhookSettings#unsubscribeOnStop};
   * a failure is logged, not thrown, so stopping goes on.
   */
  void unsubscribeIfAsked() {
    if (settings.unsubscribeOnStop()) {
      settings.subscriptionUrl().ifPresent(this::unsubscribe);
    }
  }

  private void unsubscribe(String url) {
    try {
      settings.api().unsubscribe(url);
      LOG.info("webhook unsubscribed from {}", settings.redacted(url));
    } catch (RuntimeException e) {
      LOG.warn("webhook: could not unsubscribe {} ({}); TamTam keeps calling it",
          settings.redacted(url), e.getMessage());
    }
  }
}
