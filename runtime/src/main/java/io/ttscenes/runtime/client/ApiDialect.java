package io.ttscenes.runtime.client;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Bot API a bot talks to: TamTam's or MAX's. They share the wire model but differ in how the
 * token travels, which ports a webhook may use, and whether a webhook secret is sent back in the
 * {@code X-Max-Bot-Api-Secret} header.
 */
public enum ApiDialect {
  /** TamTam: token as the {@code access_token} parameter; webhooks on 80, 8080, 443, 8443 or 16384-32383. */
  TAMTAM(AuthMode.QUERY, "https://botapi.tamtam.chat"),
  /** MAX: token in the {@code Authorization} header; webhooks on 443 only, secret echoed in a header. */
  MAX(AuthMode.HEADER, "https://platform-api2.max.ru");

  /** The header MAX sends a webhook subscription's secret in. */
  public static final String MAX_SECRET_HEADER = "X-Max-Bot-Api-Secret";

  private final AuthMode authMode;
  private final String defaultBaseUrl;

  ApiDialect(AuthMode authMode, String defaultBaseUrl) {
    this.authMode = authMode;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /** How this API expects the token. */
  public AuthMode authMode() {
    return authMode;
  }

  /** This API's public address. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The dialect named {@code name} ({@code tamtam} or {@code max}, any case); empty for another name. */
  public static Optional<ApiDialect> named(String name) {
    for (ApiDialect dialect : values()) {
      if (dialect.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }

  /**
   * Why this API would refuse to call {@code publicUrl} as a webhook (its port is not one it
   * allows), or empty when the port is allowed. The port is the URL's own or its scheme's default.
   */
  public Optional<String> webhookPortProblem(URI publicUrl) {
    int port = publicUrl.getPort() != -1 ? publicUrl.getPort()
        : "http".equals(String.valueOf(publicUrl.getScheme()).toLowerCase(Locale.ROOT)) ? 80 : 443;
    boolean allowed = this == MAX ? port == 443
        : port == 80 || port == 8080 || port == 443 || port == 8443 || (port >= 16384 && port <= 32383);
    return allowed ? Optional.empty() : Optional.of("the webhook URL's port is " + port + "; "
        + (this == MAX ? "MAX calls webhooks on port 443 only"
            : "TamTam calls webhooks only on ports 80, 8080, 443, 8443 and 16384-32383"));
  }
}
