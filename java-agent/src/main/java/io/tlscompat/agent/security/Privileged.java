package io.tlscompat.agent.security;

import java.security.AccessController;
import java.security.PrivilegedAction;

/**
 * Runs the agent's own work with the agent's own permissions where the application installed a SecurityManager
 * with a strict policy. The agent's classes are defined by its own class loader with a protection domain that holds
 * {@code AllPermission} ({@code AgentEntry}'s loader), so a privileged block started here stops the access check at
 * the agent's frames: the application's (and the agent entry class's) domains are not consulted. Threads are made
 * inside such a block, so they do not inherit the access-control context of whoever happened to create them.
 * Without a SecurityManager this costs nothing; from JDK 24 on, {@code doPrivileged} just runs the action.
 */
public final class Privileged {
    private Privileged() {
    }

    /** Runs {@code action} with the agent's permissions. */
    public static <T> T run(PrivilegedAction<T> action) {
        return AccessController.doPrivileged(action);
    }

    /** A thread whose work runs with the agent's permissions, whoever creates it. */
    public static Thread newThread(final Runnable work, final String name, final boolean daemon) {
        return run(new PrivilegedAction<Thread>() {
            @Override
            public Thread run() {
                Thread t = new Thread(work, name);
                t.setDaemon(daemon);
                return t;
            }
        });
    }

    /** Starts {@code thread} (starting may need {@code modifyThread} when the creator's thread group is guarded). */
    public static void start(final Thread thread) {
        run(new PrivilegedAction<Void>() {
            @Override
            public Void run() {
                thread.start();
                return null;
            }
        });
    }
}
