package io.tlscompat.simulator;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where accepted connections wait for their first byte without holding a worker: one selector thread watches them
 * all, hands a connection to {@code ready} (in blocking mode again) once it is readable, and to {@code idle} once it
 * has been silent for the idle time. Bounded: {@link #admit} refuses beyond {@code capacity}.
 */
final class Lobby implements AutoCloseable {
    /** Receives a connection with its id. */
    interface Handoff {
        void accept(SocketChannel channel, int id);
    }

    /** A connection in the lobby: its id and when its silence ends it. */
    private static final class Guest {
        final SocketChannel channel;
        final int id;
        final long deadlineNanos;

        Guest(SocketChannel channel, int id, long deadlineNanos) {
            this.channel = channel;
            this.id = id;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private final Handoff ready;
    private final Handoff idle;
    private final long idleNanos;
    private final int capacity;
    private final Selector selector;
    private final Queue<Guest> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;

    Lobby(Handoff ready, int idleMillis, int capacity, Handoff idle, int port) throws IOException {
        this.ready = ready;
        this.idle = idle;
        this.idleNanos = idleMillis * 1_000_000L;
        this.capacity = capacity;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "tls-compat-simulator-lobby-" + port);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Takes a freshly accepted connection; false (nothing taken) when the lobby is full or closed. */
    boolean admit(SocketChannel channel, int id) {
        if (closed || waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        arrivals.add(new Guest(channel, id, System.nanoTime() + idleNanos));
        selector.wakeup();
        return true;
    }

    private void run() {
        try {
            while (!closed) {
                registerArrivals();
                selector.select(250);
                List<Guest> spoke = new ArrayList<>();
                List<Guest> silent = new ArrayList<>();
                long now = System.nanoTime();
                Iterator<SelectionKey> keys = selector.keys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    Guest g = (Guest) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isReadable()) {
                        key.cancel();
                        spoke.add(g);
                    } else if (now - g.deadlineNanos >= 0) {
                        key.cancel();
                        silent.add(g);
                    }
                }
                selector.selectedKeys().clear();
                if (spoke.isEmpty() && silent.isEmpty()) {
                    continue;
                }
                // A channel can be made blocking only once its cancelled key is gone, at the next select.
                selector.selectNow();
                for (Guest g : spoke) {
                    waiting.decrementAndGet();
                    try {
                        g.channel.configureBlocking(true);
                        ready.accept(g.channel, g.id);
                    } catch (IOException e) {
                        idle.accept(g.channel, g.id); // the client went away meanwhile
                    }
                }
                for (Guest g : silent) {
                    waiting.decrementAndGet();
                    idle.accept(g.channel, g.id);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            closeAll();
        }
    }

    private void registerArrivals() {
        Guest g;
        while ((g = arrivals.poll()) != null) {
            try {
                g.channel.configureBlocking(false);
                g.channel.register(selector, SelectionKey.OP_READ, g);
            } catch (IOException e) {
                waiting.decrementAndGet();
                idle.accept(g.channel, g.id);
            }
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Guest g;
        while ((g = arrivals.poll()) != null) {
            try {
                g.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
