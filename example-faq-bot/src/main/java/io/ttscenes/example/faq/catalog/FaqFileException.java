package io.ttscenes.example.faq.catalog;

/**
 * The FAQ file cannot be used: a YAML syntax error, a missing or unknown field, a duplicate id, an
 * unknown locale. The message names the file, line and column, so the bot refuses to start with
 * an error its authors can act on.
 */
public final class FaqFileException extends RuntimeException {
  private final String source;
  private final int line;
  private final int column;

  FaqFileException(String source, int line, int column, String problem, Throwable cause) {
    super(source + ", line " + line + ", column " + column + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  FaqFileException(String source, YamlTree.Position at, String problem) {
    this(source, at.line(), at.column(), problem, null);
  }

  /** The file (or resource) the catalogue was read from. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }
}
