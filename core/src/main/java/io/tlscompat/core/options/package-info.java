/** The agent's {@code key=value,...} option text: the one parser and the one writer. */
package io.tlscompat.core.options;
