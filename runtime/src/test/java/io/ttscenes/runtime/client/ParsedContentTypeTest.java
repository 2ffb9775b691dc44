package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

final class ParsedContentTypeTest {
  private final ParsedContentType types = new ParsedContentType();

  @Test
  void theSameHeaderTextIsParsedOnceAndANewOneAfresh() {
    MediaType json = types.parse("application/json; charset=utf-8");

    assertSame(json, types.parse("application/json; charset=utf-8"));
    assertEquals(MediaType.get("application/json; charset=utf-8"), json);
    assertEquals(MediaType.get("text/plain"), types.parse("text/plain"));
    assertEquals(json, types.parse("application/json; charset=utf-8"));
  }

  @Test
  void aHeaderThatIsNoMediaTypeReadsAsNoneAsOkHttpReadsIt() {
    assertNull(types.parse("not a media type"));
    assertNull(types.parse("not a media type"));
  }
}
