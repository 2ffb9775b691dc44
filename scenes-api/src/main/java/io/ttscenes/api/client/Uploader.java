package io.ttscenes.api.client;

import io.ttscenes.api.model.PhotoTokens;
import io.ttscenes.api.model.UploadType;
import io.ttscenes.api.model.UploadedInfo;

/**
 * Uploads files for attachments: gets an upload URL ({@link BotApi#getUploadUrl}), sends the
 * bytes there, and returns what the upload server answered, ready to put in an attachment request.
 * Thread-safe; failures throw the {@link BotApiException} family.
 */
public interface Uploader {
  /** Uploads an image; the result names the sizes TamTam made of it. */
  PhotoTokens uploadImage(UploadSource source);

  /**
   * Uploads a video, audio or file; the result's token goes into the attachment request. The server
   * may still be processing it: sending it early fails with {@code attachment.not.ready}, which the
   * client retries until its attachment deadline.
   *
   * @throws IllegalArgumentException for {@link UploadType#IMAGE} (use {@link #uploadImage})
   */
  UploadedInfo uploadMedia(UploadType type, UploadSource source);
}
