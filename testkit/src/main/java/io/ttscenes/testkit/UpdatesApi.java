package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code /updates}, {@code /subscriptions} and {@code /uploads}. */
final class UpdatesApi {
  private final World world;
  private final String baseUrl;

  UpdatesApi(World world, String baseUrl) {
    this.world = world;
    this.baseUrl = baseUrl;
  }

  void register(Routes routes) {
    routes.add("GET", "/updates", this::updates)
        .add("GET", "/subscriptions", call -> world.updates.subscriptionsJson())
        .add("POST", "/subscriptions", this::subscribe)
        .add("DELETE", "/subscriptions", call -> {
          world.updates.unsubscribe(call.requiredParam("url"));
          return Json.success();
        })
        .add("POST", "/uploads", this::uploadUrl);
  }

  private JsonNode updates(Call call) throws InterruptedException {
    int limit = call.intParam("limit", 100, 1, 1000);
    int timeout = call.intParam("timeout", 30, 0, 90);
    Long marker = call.longParam("marker").orElse(null);
    Set<String> types = new LinkedHashSet<>();
    call.param("types").ifPresent(list -> {
      for (String type : list.split(",")) {
        if (!type.isBlank()) {
          types.add(type.trim());
        }
      }
    });
    return world.updates.poll(marker, limit, Duration.ofSeconds(timeout), types);
  }

  private JsonNode subscribe(Call call) {
    JsonNode body = call.json();
    String url = body.path("url").asText("");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid webhook url: " + url);
    }
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
      throw ApiError.badRequest("Invalid webhook url: '" + url + "'");
    }
    Set<String> types = new LinkedHashSet<>();
    body.path("update_types").forEach(type -> types.add(type.asText()));
    world.updates.subscribe(url, types, Json.textOrNull(body, "version"));
    return Json.success();
  }

  private JsonNode uploadUrl(Call call) {
    String type = call.requiredParam("type");
    if (!Uploads.TYPES.contains(type)) {
      throw ApiError.invalidParam("type", type);
    }
    Uploads.Upload upload = world.uploads.create(type);
    return Json.object().put("url", baseUrl + "/_upload/" + upload.id);
  }
}
