/**
 * The example support bot: an FAQ (read from YAML, {@link io.ttscenes.example.faq.catalog}) browsed
 * with inline keyboards that edit one message in place, free-text questions answered by searching
 * it ({@link io.ttscenes.example.faq.search}), "ask a person" turning a question into a ticket
 * answered by operators in their group chat ({@link io.ttscenes.example.faq.desk}), and
 * {@link io.ttscenes.example.faq.FaqBotMain} to run it against TamTam or, without a token, the
 * local emulator with an operators' group and the web chat open to both sides. Built only on the
 * public ttscenes API.
 *
 * <p>Nothing is null unless its Javadoc says so; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.example.faq;
