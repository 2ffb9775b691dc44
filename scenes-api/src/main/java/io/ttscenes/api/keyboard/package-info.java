/**
 * The inline keyboard builder: buttons of every type, checked against the Bot API's limits when
 * they are made, so a wrong keyboard fails in the handler that builds it, not at the server.
 *
 * <p>Nothing in this package is null unless its documentation says so.
 */
package io.ttscenes.api.keyboard;
