package io.ttscenes.runtime.admin;

/** Makes the answer to a GET of one admin path; called on a server thread, must not throw. */
@FunctionalInterface
interface Page {
  Reply get();
}
