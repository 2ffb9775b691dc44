package io.ttscenes.runtime.ingress;

import io.ttscenes.runtime.client.ApiDialect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Who may deliver to a webhook besides knowing its path: the source networks allowed (none named:
 * any), the proxies whose {@code X-Forwarded-For} is believed (none: the header is ignored, since
 * anyone can send it), and the secret MAX echoes in {@link ApiDialect#MAX_SECRET_HEADER}.
 */
record WebhookAccess(List<Cidr> allowed, List<Cidr> trustedProxies, Optional<String> headerSecret) {
  /** No source filter, no proxy, no header check. */
  static final WebhookAccess OPEN = new WebhookAccess(List.of(), List.of(), Optional.empty());

  WebhookAccess {
    allowed = List.copyOf(allowed);
    trustedProxies = List.copyOf(trustedProxies);
    Objects.requireNonNull(headerSecret, "headerSecret");
  }

  /** Why {@code request} is refused (for the log; it holds no secret), or empty when it may go on. */
  Optional<String> sourceRefusal(Request request) {
    if (allowed.isEmpty()) {
      return Optional.empty();
    }
    Optional<InetAddress> client = client(request);
    if (client.isPresent() && allowed.stream().anyMatch(n -> n.contains(client.get()))) {
      return Optional.empty();
    }
    return Optional.of("source " + client.map(InetAddress::getHostAddress).orElse("(unreadable forwarded address)")
        + " is not in the allowed networks " + allowed);
  }

  /** Why the request lacks MAX's secret header, or empty when it has it (or none is expected). */
  Optional<String> headerRefusal(Request request) {
    if (headerSecret.isEmpty()) {
      return Optional.empty();
    }
    String sent = request.getHeaders().get(ApiDialect.MAX_SECRET_HEADER);
    byte[] expected = headerSecret.get().getBytes(StandardCharsets.UTF_8);
    // Constant time, so response times do not reveal how much of a guess was right.
    boolean same = sent != null && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
    return same ? Optional.empty() : Optional.of((sent == null ? "no " : "a wrong ")
        + ApiDialect.MAX_SECRET_HEADER + " header");
  }

  /**
   * The address that sent the request: the peer's, or, when the peer is a trusted proxy, the
   * last address in {@code X-Forwarded-For} that is not itself a trusted proxy (proxies append,
   * so entries left of it may be forged by the client). Empty when such an entry is unreadable.
   */
  Optional<InetAddress> client(Request request) {
    InetAddress peer = peer(request);
    if (!trusted(peer)) {
      return Optional.of(peer);
    }
    List<String> forwarded = request.getHeaders().getValuesList("X-Forwarded-For");
    String[] hops = String.join(",", forwarded).split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
      if (hops[i].isBlank()) {
        continue;
      }
      Optional<InetAddress> hop = literal(hops[i].trim());
      if (hop.isEmpty()) {
        return Optional.empty();
      }
      client = hop.get();
    }
    return Optional.of(client);
  }

  /** The address of the connection's other end (the client, or a proxy in front of it). */
  static InetAddress peer(Request request) {
    return ((InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress()).getAddress();
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(n -> n.contains(address));
  }

  private static Optional<InetAddress> literal(String text) {
    if (!text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
