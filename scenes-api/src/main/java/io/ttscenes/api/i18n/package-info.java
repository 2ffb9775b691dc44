/**
 * Message bundles per locale, formatted with ICU's message format (plurals, selects, numbers and
 * dates in the user's language). Nothing in this package is null unless it says so.
 */
package io.ttscenes.api.i18n;
