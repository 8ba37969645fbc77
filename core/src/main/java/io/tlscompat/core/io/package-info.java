/** Small I/O helpers for reading what a peer sends. */
package io.tlscompat.core.io;
