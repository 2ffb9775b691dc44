/**
 * The example support bot: an FAQ browsed with inline keyboards that edit one message in place,
 * a "contact support" wizard that turns a question into a ticket, and {@link
 * io.ttscenes.example.faq.FaqBotMain} to run it against TamTam or, without a token, the local
 * emulator's web chat. Built only on the public ttscenes API.
 *
 * <p>Nothing is null unless its Javadoc says so; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.example.faq;
