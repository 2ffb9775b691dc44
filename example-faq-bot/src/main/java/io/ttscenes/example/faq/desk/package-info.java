/**
 * The support desk: tickets as named sessions ({@code ticket:SUP-<user>-<n>}), the operators'
 * group chat where they are posted, taken, answered and closed, and the {@code desk} index of
 * open tickets. Built only on the public API of ttscenes. Nothing is null unless it says so.
 */
package io.ttscenes.example.faq.desk;
