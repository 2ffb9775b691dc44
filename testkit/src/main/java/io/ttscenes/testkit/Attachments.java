package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.LongFunction;

/** Turns AttachmentRequest JSON from a bot into the Attachment JSON a message carries. */
final class Attachments {
  private final Uploads uploads;
  private final String filesUrl;
  private final LongFunction<JsonNode> userById;

  Attachments(Uploads uploads, String filesUrl, LongFunction<JsonNode> userById) {
    this.uploads = uploads;
    this.filesUrl = filesUrl;
    this.userById = userById;
  }

  ArrayNode convert(JsonNode requests) {
    if (!requests.isArray()) {
      throw ApiError.badRequest("attachments must be an array");
    }
    ArrayNode result = Json.array();
    for (JsonNode request : requests) {
      result.add(convertOne(request));
    }
    return result;
  }

  private ObjectNode convertOne(JsonNode request) {
    String type = request.path("type").asText("");
    JsonNode payload = request.path("payload");
    ObjectNode out = Json.object().put("type", type);
    switch (type) {
      case "image" -> out.set("payload", photo(payload));
      case "video", "audio" -> out.set("payload", media(payload, type));
      case "file" -> file(payload, out);
      case "sticker" -> {
        out.set("payload", Json.object().put("code", required(payload, "code", type))
            .put("url", filesUrl + "sticker/" + payload.path("code").asText()));
        out.put("width", 128).put("height", 128);
      }
      case "contact" -> out.set("payload", contact(payload));
      case "inline_keyboard" -> {
        Limits.keyboard(payload);
        out.set("payload", Json.object().set("buttons", payload.path("buttons").deepCopy()));
      }
      case "location" -> out.put("latitude", coordinate(request, "latitude", 90))
          .put("longitude", coordinate(request, "longitude", 180));
      case "share" -> out.set("payload", payload.deepCopy());
      default -> throw ApiError.badRequest("Unknown attachment type: '" + type + "'");
    }
    return out;
  }

  private ObjectNode photo(JsonNode payload) {
    String url = Json.textOrNull(payload, "url");
    if (url != null) {
      Limits.maxLength("image url", url, Limits.LINK);
      return Json.object().put("photo_id", Math.abs(url.hashCode())).put("token", "url-" + url.hashCode())
          .put("url", url);
    }
    String token = Json.textOrNull(payload, "token");
    if (token == null && payload.path("photos").isObject() && !payload.path("photos").isEmpty()) {
      token = payload.path("photos").elements().next().path("token").asText(null);
    }
    Uploads.Upload upload = ready(token, "image");
    return Json.object().put("photo_id", upload.photoId).put("token", upload.token)
        .put("url", filesUrl + upload.id);
  }

  private ObjectNode media(JsonNode payload, String type) {
    Uploads.Upload upload = ready(Json.textOrNull(payload, "token"), type);
    return Json.object().put("url", filesUrl + upload.id).put("token", upload.token);
  }

  private void file(JsonNode payload, ObjectNode out) {
    Uploads.Upload upload = ready(Json.textOrNull(payload, "token"), "file");
    out.set("payload", Json.object().put("url", filesUrl + upload.id).put("token", upload.token));
    out.put("filename", upload.filename()).put("size", upload.total());
  }

  private Uploads.Upload ready(String token, String type) {
    if (token == null) {
      throw ApiError.badRequest(type + " attachment needs payload.token (or url for images)");
    }
    Uploads.Upload upload = uploads.byToken(token)
        .orElseThrow(() -> ApiError.badRequest("Unknown " + type + " token: " + token));
    if (!upload.complete()) {
      throw new ApiError(400, "attachment.not.ready",
          "Key: errors.process.attachment.file.not.processed");
    }
    return upload;
  }

  private ObjectNode contact(JsonNode payload) {
    String name = required(payload, "name", "contact");
    String phone = Json.textOrNull(payload, "vcf_phone");
    String vcf = Json.textOrNull(payload, "vcf_info");
    if (vcf == null) {
      vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\n"
          + (phone == null ? "" : "TEL;TYPE=cell:" + phone + "\r\n") + "END:VCARD";
    }
    ObjectNode out = Json.object().put("vcf_info", vcf);
    JsonNode contactId = payload.get("contact_id");
    out.set("tam_info", contactId == null || contactId.isNull() ? null : userById.apply(contactId.asLong()));
    return out;
  }

  private static String required(JsonNode payload, String field, String type) {
    String value = Json.textOrNull(payload, field);
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest(type + " attachment needs payload." + field);
    }
    return value;
  }

  private static double coordinate(JsonNode request, String field, double bound) {
    JsonNode value = request.get(field);
    if (value == null || !value.isNumber() || Math.abs(value.asDouble()) > bound) {
      throw ApiError.badRequest("location " + field + " must be a number within +-" + bound);
    }
    return value.asDouble();
  }
}
