/**
 * Free-text search over the FAQ catalogue: an in-memory Lucene index with an analyzer per locale.
 *
 * <p>Nothing is null unless its Javadoc says so.
 */
package io.ttscenes.example.faq.search;
