package io.tlscompat.agent.output;

import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.diagnosis.ProbeScheduler;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.RecordSink;
import io.tlscompat.agent.security.Privileged;
import io.tlscompat.core.profile.ServerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The only bridge from handshake threads to everything else: the {@link HandshakeCounter} (every handshake is
 * counted here, before the queue), a bounded queue (a full queue drops the record and
 * counts it, never blocks) and one daemon writer thread that takes records in batches (at most the queue's capacity
 * at a time, so memory stays bounded by twice the capacity), diagnoses them and hands them to the consumers.
 */
public final class RecordPipeline implements RecordSink, ProbeScheduler.Callback {
    /** A parked record coming back from a probe, already diagnosed. */
    private static final class Ready {
        final HandshakeRecord record;

        Ready(HandshakeRecord record) {
            this.record = record;
        }
    }

    private static final Object STOP = new Object();
    /** How long the writer lets records gather after a wake-up. */
    static final long BATCH_MILLIS = 20;
    /** How often the writer wakes up when nothing arrives. */
    static final long IDLE_TICK_MILLIS = 1000;

    private final BlockingQueue<Object> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final List<RecordConsumer> consumers;
    private final HandshakeCounter counter;
    private volatile Diagnostician diagnostician;
    private final Thread writer;

    public RecordPipeline(int capacity, Diagnostician diagnostician, List<RecordConsumer> consumers) {
        this(capacity, diagnostician, null, consumers);
    }

    /**
     * @param counter counts every handshake in {@link #accept}, before the queue (so counters stay exact when records
     *     are dropped); null for none
     */
    public RecordPipeline(int capacity, Diagnostician diagnostician, HandshakeCounter counter,
            List<RecordConsumer> consumers) {
        this.counter = counter;
        this.queue = new ArrayBlockingQueue<Object>(capacity);
        this.diagnostician = diagnostician;
        this.consumers = consumers;
        // Privileged: file rotation, JMX and JFR run on this thread under an application's SecurityManager too.
        this.writer = Privileged.newThread(new Runnable() {
            @Override
            public void run() {
                drain();
            }
        }, "tls-compat-writer", true);
    }

    /** Set after construction when the probe scheduler needs this pipeline as its callback. */
    public void diagnostician(Diagnostician d) {
        this.diagnostician = d;
    }

    public void start() {
        Privileged.start(writer);
    }

    @Override
    public void accept(HandshakeRecord record) {
        if (counter != null) {
            try {
                counter.count(record);
            } catch (Throwable t) {
                // a counter must never cost the record
            }
        }
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void probed(List<HandshakeRecord> records, ServerProfile profile) {
        for (HandshakeRecord r : records) {
            diagnostician.afterProbe(r, profile);
            if (!queue.offer(new Ready(r))) {
                dropped.incrementAndGet();
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    private void drain() {
        for (RecordConsumer c : consumers) {
            try {
                c.start();
            } catch (Throwable t) {
                System.err.println(StderrReporter.PREFIX + "an output did not start: " + t);
            }
        }
        List<Object> batch = new ArrayList<Object>();
        while (true) {
            try {
                // A tick while nothing arrives, so that consumers' periodic work (stderr's folded lines) is done.
                Object first = queue.poll(IDLE_TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    idleAll();
                    continue;
                }
                batch.add(first);
                if (first != STOP && !(first instanceof CountDownLatch)) {
                    // Coalesce: under load one wake-up per batch instead of one per handshake, because every
                    // wake-up of this thread competes with the application's threads for the CPU.
                    Thread.sleep(BATCH_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            for (Object item : batch) {
                if (item == STOP) {
                    return;
                }
                handle(item);
            }
            batch.clear();
            idleAll();
        }
    }

    private void idleAll() {
        for (RecordConsumer c : consumers) {
            try {
                c.idle();
            } catch (Throwable t) {
                // a consumer's flush must not stop the writer; its next record reports the problem
            }
        }
    }

    private void handle(Object item) {
        if (item instanceof CountDownLatch) {
            ((CountDownLatch) item).countDown();
            return;
        }
        try {
            HandshakeRecord r;
            if (item instanceof Ready) {
                r = ((Ready) item).record;
            } else {
                r = (HandshakeRecord) item;
                if (!diagnostician.diagnose(r)) {
                    return;
                }
            }
            for (RecordConsumer c : consumers) {
                c.consume(r);
            }
            written.incrementAndGet();
        } catch (Throwable t) {
            // one bad record must not stop the writer
            System.err.println(StderrReporter.PREFIX + "could not write a record: " + t);
        }
    }

    /**
     * Waits until the writer has handled everything queued before this call (so every record that needs a probe has
     * asked for it), in all at most {@code waitMillis}.
     */
    public void sync(long waitMillis) {
        CountDownLatch reached = new CountDownLatch(1);
        try {
            long until = System.currentTimeMillis() + waitMillis;
            if (queue.offer(reached, waitMillis, TimeUnit.MILLISECONDS)) {
                reached.await(Math.max(1, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (in all at most {@code waitMillis}), then closes the consumers. */
    public void shutdown(long waitMillis) {
        try {
            long until = System.currentTimeMillis() + waitMillis;
            queue.offer(STOP, waitMillis, TimeUnit.MILLISECONDS);
            writer.join(Math.max(1, until - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RecordConsumer c : consumers) {
            try {
                c.close();
            } catch (Throwable ignored) {
                // shutting down
            }
        }
    }
}
