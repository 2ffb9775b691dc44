/**
 * The FAQ catalogue: topics, questions and answers per locale, read from a YAML file whose every
 * problem is reported with its line and column ({@link io.ttscenes.example.faq.catalog.FaqFileException}).
 *
 * <p>Nothing is null unless its Javadoc says so; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.example.faq.catalog;
