/**
 * The wire model of the TamTam Bot API: one record, enum or sealed interface per schema of
 * {@code tamtam-schema.yaml}, with Jackson annotations only (no mapper settings are assumed beyond
 * those {@code WireJson} in the runtime applies).
 *
 * <p>Null rule: components the schema marks optional or nullable may be null (each says so in its
 * record's documentation); lists are never null, a list missing on the wire is empty. Three
 * request lists are the exception because the API treats "absent" differently from "empty":
 * {@link io.ttscenes.api.model.NewMessageBody#attachments()} (null keeps an edited message's
 * attachments), {@link io.ttscenes.api.model.BotPatch#commands()} (null keeps the commands) and
 * {@link io.ttscenes.api.model.SubscriptionRequestBody#updateTypes()} (null means all types).
 * Maps typed by the schema ({@code Chat.participants}, photo tokens) may be null. Lookups such as
 * {@link io.ttscenes.api.model.Update#chatId()} return {@link java.util.Optional}.
 *
 * <p>Inbound data is tolerated rather than validated: unknown fields are ignored, unknown enum
 * values become {@code UNKNOWN}, unknown discriminators become the {@code Unknown*} variant that
 * keeps the raw JSON. API limits are checked by the client before sending, not here. All types
 * are immutable and safe to share between threads.
 */
package io.ttscenes.api.model;
