package io.ttscenes.testkit;

/** An error the emulator answers with, in the Bot API's {@code {"code","message"}} shape. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "proto.payload", message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "not.found", message);
  }

  static ApiError invalidParam(String name, String value) {
    return new ApiError(400, "proto.invalid", "Invalid value of parameter " + name + ": " + value);
  }
}
