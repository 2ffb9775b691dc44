package io.ttscenes.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;

/**
 * What a route found in an update: the command arguments ({@code ""} for other routes) and, for
 * regex routes, the match with its groups.
 */
public record RouteMatch(String args, Optional<MatchResult> regex) {
  static final RouteMatch PLAIN = new RouteMatch("", Optional.empty());

  public RouteMatch {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(regex, "regex");
  }

  static Optional<RouteMatch> ofArgs(String args) {
    return Optional.of(new RouteMatch(args, Optional.empty()));
  }

  static Optional<RouteMatch> ofRegex(MatchResult result) {
    return Optional.of(new RouteMatch("", Optional.of(result)));
  }
}
