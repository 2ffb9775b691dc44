/**
 * The conversation kit: run a bot on the real runtime against the local emulator inside a JUnit 5
 * test and script whole conversations ({@link io.ttscenes.testkit.kit.BotTester},
 * {@link io.ttscenes.testkit.kit.TestUser}). Waiting is event-driven: an expectation waits until
 * the bot has acknowledged every update sent so far, then looks at what it sent.
 *
 * <p>Nothing is null unless its Javadoc says so; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.testkit.kit;
