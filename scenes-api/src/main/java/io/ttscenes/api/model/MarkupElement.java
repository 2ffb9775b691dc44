package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A formatted range of message text, discriminated by {@code type}. Types this version does not
 * know parse to {@link UnknownMarkup}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = UnknownMarkup.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = StrongMarkup.class, name = "strong"),
  @JsonSubTypes.Type(value = EmphasizedMarkup.class, name = "emphasized"),
  @JsonSubTypes.Type(value = MonospacedMarkup.class, name = "monospaced"),
  @JsonSubTypes.Type(value = LinkMarkup.class, name = "link"),
  @JsonSubTypes.Type(value = StrikethroughMarkup.class, name = "strikethrough"),
  @JsonSubTypes.Type(value = UnderlineMarkup.class, name = "underline"),
  @JsonSubTypes.Type(value = UserMentionMarkup.class, name = "user_mention"),
  @JsonSubTypes.Type(value = HeadingMarkup.class, name = "heading"),
  @JsonSubTypes.Type(value = HighlightedMarkup.class, name = "highlighted")
})
public sealed interface MarkupElement
    permits StrongMarkup, EmphasizedMarkup, MonospacedMarkup, LinkMarkup, StrikethroughMarkup,
        UnderlineMarkup, UserMentionMarkup, HeadingMarkup, HighlightedMarkup, UnknownMarkup {
  /** The wire discriminator {@code type}; never null. */
  @JsonProperty("type")
  String type();

  /** Start of the range, a zero-based index into the text. */
  @JsonProperty("from")
  int from();

  /** Length of the range. */
  @JsonProperty("length")
  int length();
}
