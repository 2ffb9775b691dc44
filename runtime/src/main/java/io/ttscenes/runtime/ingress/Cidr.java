package io.ttscenes.runtime.ingress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One network in CIDR notation ({@code 185.16.150.0/30}, {@code 2001:db8::/32}); a bare address
 * is a network of that one address. Only literal addresses are accepted, so parsing never asks DNS.
 */
final class Cidr {
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming it when it is not a network. */
  static Cidr parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!LITERAL.matcher(address).matches()) {
      throw bad(text, "it is not an IP address literal");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw bad(text, "it is not an IP address literal");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw bad(text, "its prefix length is not a number");
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw bad(text, "its prefix length must be 0.." + bytes.length * 8);
      }
    }
    return new Cidr(bytes, prefix, trimmed);
  }

  /** Whether {@code address} lies in this network (an IPv4 address never lies in an IPv6 one). */
  boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (other[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return rest == 0 || (other[whole] & mask) == (network[whole] & mask);
  }

  @Override
  public String toString() {
    return text;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("'" + text + "' is not a network in CIDR notation; " + why);
  }
}
