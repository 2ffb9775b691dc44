/**
 * A local TamTam Bot API emulator for tests and manual trials: real HTTP on loopback, a web chat
 * for people, and a Java API ({@link io.ttscenes.testkit.Emulator}) for test code.
 *
 * <p>Nothing is null unless its Javadoc says so; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.testkit;
