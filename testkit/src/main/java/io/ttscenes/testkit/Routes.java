package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A method-and-path table: finds the handler of a request, or says 404 or 405 as the API does. */
final class Routes {
  /** Answers one call with the JSON to send back with 200; throws {@link ApiError} otherwise. */
  interface Handler {
    JsonNode handle(Call call) throws Exception;
  }

  /** A matched handler with the path's groups. */
  record Match(Handler handler, Matcher path) {}

  private record Route(String method, Pattern pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Routes add(String method, String regex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(regex), handler));
    return this;
  }

  Match match(String method, String path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.pattern.matcher(path);
      if (matcher.matches()) {
        pathKnown = true;
        if (route.method.equals(method)) {
          return new Match(route.handler, matcher);
        }
      }
    }
    if (pathKnown) {
      throw new ApiError(405, "method.not.allowed", "Method " + method + " is not allowed for " + path);
    }
    throw ApiError.notFound("Path " + path + " not found");
  }
}
